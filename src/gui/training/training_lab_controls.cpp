// The Training tab's panels: building the widgets and reading their fields
// into the core's options (the core's own checks say what is wrong).
#include "core/training/training_setup.h"
#include "gui/network_document.h"
#include "gui/plot_grid.h"
#include "gui/training/data_preview.h"
#include "gui/training/training_confusion_plot.h"
#include "gui/training/training_curve_plot.h"
#include "gui/training/training_lab.h"
#include "gui/training/training_region_plot.h"
#include "io/training_setup_json.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>
#include <cmath>

namespace bpl::gui {

namespace {

// A number typed into a field, read locale-free; false when it is not one.
bool readNumber(const QLineEdit* edit, double& out) {
    bool ok = false;
    out = QLocale::c().toDouble(edit->text().trimmed(), &ok);
    return ok;
}

QSpinBox* spin(int min, int max, int value) {
    auto* s = new QSpinBox;
    s->setRange(min, max);
    s->setValue(value);
    return s;
}

} // namespace

QWidget* TrainingLab::buildDataPanel() {
    auto* box = new QGroupBox(tr("Data"));
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    dataCombo_ = new QComboBox;
    for (const std::string& name : generatorNames())
        dataCombo_->addItem(QString::fromStdString(name), QString::fromStdString(name));
    dataCombo_->addItem(tr("digits (8×8 images)"), QStringLiteral("digits"));
    auto* openButton = new QPushButton(tr("Open…"));
    openButton->setObjectName("openDataButton");
    auto* setRow = new QHBoxLayout;
    setRow->addWidget(dataCombo_, 1);
    setRow->addWidget(openButton);
    form->addRow(tr("Set"), setRow);
    pointsSpin_ = spin(4, 100000, 400);
    noiseSpin_ = new QDoubleSpinBox;
    noiseSpin_->setRange(0, 1);
    noiseSpin_->setSingleStep(0.05);
    noiseSpin_->setValue(0.1);
    dataSeedSpin_ = spin(0, 999999, 1);
    auto* genRow = new QHBoxLayout;
    genRow->addWidget(pointsSpin_);
    genRow->addWidget(new QLabel(tr("noise")));
    genRow->addWidget(noiseSpin_);
    form->addRow(tr("Points"), genRow);
    form->addRow(tr("Data seed"), dataSeedSpin_);
    splitEdit_ = new QLineEdit("60, 20, 20");
    splitEdit_->setToolTip(tr("Training, validation and test rows in percent"));
    splitSeedSpin_ = spin(0, 999999, 1);
    shuffleCheck_ = new QCheckBox(tr("shuffle"));
    shuffleCheck_->setChecked(true);
    form->addRow(tr("Split %"), splitEdit_);
    auto* splitRow = new QHBoxLayout;
    splitRow->addWidget(splitSeedSpin_);
    splitRow->addWidget(shuffleCheck_);
    form->addRow(tr("Split seed"), splitRow);
    dataInfo_ = new QLabel;
    dataInfo_->setWordWrap(true);
    form->addRow(dataInfo_);
    preview_ = new DataPreview;
    form->addRow(preview_);

    pointsSpin_->setObjectName("pointsSpin");
    noiseSpin_->setObjectName("noiseSpin");
    dataSeedSpin_->setObjectName("dataSeedSpin");
    splitSeedSpin_->setObjectName("splitSeedSpin");
    dataCombo_->setObjectName("dataCombo");
    splitEdit_->setObjectName("splitEdit");
    connect(dataCombo_, &QComboBox::activated, this, [this] {
        filePath_.clear();
        rawData_.reset();
        prepareData();
    });
    connect(pointsSpin_, &QSpinBox::editingFinished, this, [this] {
        rawData_.reset();
        prepareData();
    });
    connect(noiseSpin_, &QDoubleSpinBox::editingFinished, this, [this] {
        rawData_.reset();
        prepareData();
    });
    connect(dataSeedSpin_, &QSpinBox::editingFinished, this, [this] {
        rawData_.reset();
        prepareData();
    });
    connect(splitEdit_, &QLineEdit::editingFinished, this, [this] { prepareData(); });
    connect(openButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open data"), QString(), tr("Data files (*.txt *.csv *.dat);;All files (*)"));
        if (!path.isEmpty())
            openData(path);
    });
    return box;
}

QWidget* TrainingLab::buildRunsPanel() {
    auto* box = new QGroupBox(tr("Runs"));
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    optimizerCombo_ = new QComboBox;
    optimizerCombo_->setObjectName("optimizerCombo");
    for (OptimizerKind kind : allOptimizers())
        optimizerCombo_->addItem(QString::fromStdString(optimizerTitle(kind)),
                                 QString::fromStdString(optimizerKey(kind)));
    form->addRow(tr("Optimizer"), optimizerCombo_);
    etaEdit_ = new QLineEdit("0.1");
    etaEdit_->setObjectName("etaEdit");
    form->addRow(tr("η"), etaEdit_);
    betaEdit_ = new QLineEdit("0.9");
    beta2Edit_ = new QLineEdit("0.999");
    auto* betaRow = new QHBoxLayout;
    betaRow->addWidget(betaEdit_);
    betaRow->addWidget(new QLabel("β₂"));
    betaRow->addWidget(beta2Edit_);
    form->addRow(tr("β (β₁)"), betaRow);
    biasCorrectionCheck_ = new QCheckBox(tr("Adam's bias correction"));
    biasCorrectionCheck_->setChecked(true);
    form->addRow(biasCorrectionCheck_);
    batchSpin_ = spin(1, 1000000, 10);
    batchSpin_->setObjectName("batchSpin");
    batchSpin_->setToolTip(tr("1 = SGD … N = full-batch gradient descent"));
    epochsSpin_ = spin(1, 100000, 200);
    epochsSpin_->setObjectName("epochsSpin");
    auto* batchRow = new QHBoxLayout;
    batchRow->addWidget(batchSpin_);
    batchRow->addWidget(new QLabel(tr("epochs")));
    batchRow->addWidget(epochsSpin_);
    form->addRow(tr("Batch B"), batchRow);
    l2Edit_ = new QLineEdit("0");
    l2Edit_->setObjectName("l2Edit");
    seedSpin_ = spin(0, 999999, 1);
    auto* l2Row = new QHBoxLayout;
    l2Row->addWidget(l2Edit_);
    l2Row->addWidget(new QLabel(tr("seed")));
    l2Row->addWidget(seedSpin_);
    form->addRow(tr("L2 λ"), l2Row);
    initCombo_ = new QComboBox;
    initCombo_->setObjectName("initCombo");
    initCombo_->addItem(tr("the network's own"), QString());
    for (InitScheme scheme : allInitSchemes())
        initCombo_->addItem(QString::fromStdString(initSchemeKey(scheme)),
                            QString::fromStdString(initSchemeKey(scheme)));
    initSeedSpin_ = spin(0, 999999, 1);
    auto* initRow = new QHBoxLayout;
    initRow->addWidget(initCombo_, 1);
    initRow->addWidget(initSeedSpin_);
    form->addRow(tr("Start"), initRow);
    startCombo_ = new QComboBox;
    startCombo_->setObjectName("runStartCombo");
    startCombo_->addItem(tr("Network tab's weights"), QStringLiteral("network"));
    startCombo_->addItem(tr("comparison's start"), QStringLiteral("comparison"));
    // As narrow as the other fields: the plots beside the column keep their room.
    startCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    startCombo_->setMinimumContentsLength(12);
    startCombo_->setToolTip(tr("After “Open in the stepper” the Network tab holds trained weights: "
                               "the next runs start again from the comparison's start unless you "
                               "pick the weights now"));
    form->addRow(tr("From"), startCombo_);
    startInfo_ = new QLabel;
    startInfo_->setObjectName("runStartInfo");
    startInfo_->setWordWrap(true);
    form->addRow(startInfo_);
    for (QComboBox* c : {startCombo_, initCombo_})
        connect(c, &QComboBox::currentIndexChanged, this, [this] { updateStartInfo(); });
    compareCombo_ = new QComboBox;
    compareCombo_->setObjectName("compareCombo");
    compareCombo_->addItem(tr("nothing (one run)"), QString());
    compareCombo_->addItem(tr("η"), QStringLiteral("learning_rate"));
    compareCombo_->addItem(tr("optimizer"), QStringLiteral("optimizer"));
    compareCombo_->addItem(tr("batch size"), QStringLiteral("batch_size"));
    compareCombo_->addItem(tr("initialisation"), QStringLiteral("init"));
    compareCombo_->addItem(tr("L2 λ"), QStringLiteral("l2"));
    compareEdit_ = new QLineEdit;
    compareEdit_->setObjectName("compareEdit");
    form->addRow(tr("Compare"), compareCombo_);
    form->addRow(tr("Values"), compareEdit_);
    connect(compareCombo_, &QComboBox::currentIndexChanged, this, [this] { updateCompareHint(); });
    return box;
}

void TrainingLab::updateCompareHint() {
    static const QMap<QString, QString> examples = {{"learning_rate", "0.3, 0.03, 0.003"},
                                                    {"optimizer", "sgd, momentum, adam"},
                                                    {"batch_size", "1, 10, 100"},
                                                    {"init", "xavier, zero"},
                                                    {"l2", "0, 0.001, 0.01"}};
    const QString setting = compareCombo_->currentData().toString();
    compareEdit_->setEnabled(!setting.isEmpty());
    compareEdit_->setPlaceholderText(examples.value(setting));
    if (!setting.isEmpty() && compareEdit_->text().isEmpty())
        compareEdit_->setText(examples.value(setting));
}

QWidget* TrainingLab::buildPlotArea() {
    auto* area = new QWidget;
    auto* layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    runCombo_ = new QComboBox;
    runCombo_->setObjectName("runCombo");
    runCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    runCombo_->setMinimumContentsLength(12);
    logCheck_ = new QCheckBox(tr("log loss"));
    logCheck_->setObjectName("logCheck");
    showAllButton_ = new QPushButton(tr("Show all"));
    showAllButton_->setObjectName("showAllButton");
    showAllButton_->setCheckable(true);
    showAllButton_->setToolTip(tr("The loss axis over every value; unchecked, over the bulk of "
                                  "the curves (one spike does not flatten the rest)"));
    stepperButton_ = new QPushButton(tr("Open in the stepper"));
    stepperButton_->setObjectName("stepperButton");
    stepperButton_->setToolTip(
        tr("Put this run's weights at the slider's epoch into the Network tab (one undo step)"));
    exportButton_ = new QPushButton(tr("Export"));
    exportButton_->setObjectName("exportButton");
    runButton_ = new QPushButton(tr("Run"));
    runButton_->setObjectName("runButton");
    runButton_->setDefault(true);
    stopButton_ = new QPushButton(tr("Stop"));
    stopButton_->setObjectName("stopButton");
    stopButton_->setEnabled(false);
    // Two short rows, so the tab fits 1024 pixels also in presentation mode.
    auto* second = new QHBoxLayout;
    top->addWidget(runButton_);
    top->addWidget(stopButton_);
    top->addSpacing(8);
    runCombo_->setToolTip(
        tr("The run the decision regions, the confusion matrix and the stepper show"));
    top->addWidget(runCombo_, 1);
    second->addWidget(logCheck_);
    second->addWidget(showAllButton_);
    second->addStretch(1);
    topKSpin_ = new QSpinBox;
    topKSpin_->setObjectName("topKSpin");
    topKSpin_->setPrefix(tr("top-"));
    topKSpin_->setRange(1, 1);
    topKSpin_->setToolTip(tr("k of the top-k error below the confusion matrix: the share of "
                             "rows whose true class is not among the k highest scores"));
    ranksButton_ = new QPushButton(tr("Ranks…"));
    ranksButton_->setObjectName("topKRanksButton");
    ranksButton_->setToolTip(tr("Each row's true-class rank Rᵢ and E = (1/m) Σ 𝟙(Rᵢ > k), "
                                "worked with the numbers of this epoch"));
    second->addWidget(topKSpin_);
    second->addWidget(ranksButton_);
    second->addWidget(stepperButton_);
    second->addWidget(exportButton_);
    layout->addLayout(top);
    layout->addLayout(second);

    regionPlot_ = new TrainingRegionPlot;
    lossPlot_ = new TrainingCurvePlot(TrainingCurvePlot::Loss);
    accuracyPlot_ = new TrainingCurvePlot(TrainingCurvePlot::Accuracy);
    gradientPlot_ = new TrainingCurvePlot(TrainingCurvePlot::Gradients);
    confusionPlot_ = new TrainingConfusionPlot;
    weightImages_ = new WeightImagesWidget;
    // Three columns where each plot keeps its useful size, else fewer.
    plotGrid_ = new PlotGrid(3);
    for (QWidget* plot :
         {static_cast<QWidget*>(regionPlot_), static_cast<QWidget*>(lossPlot_),
          static_cast<QWidget*>(accuracyPlot_), static_cast<QWidget*>(confusionPlot_),
          static_cast<QWidget*>(gradientPlot_)})
        plotGrid_->addWidget(plot);
    plotGrid_->addWidget(weightImages_);
    weightImages_->hide();
    layout->addWidget(plotGrid_, 1);
    status_ = new QLabel;
    status_->setObjectName("statusLabel");
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);

    auto* bottom = new QHBoxLayout;
    playButton_ = new QPushButton(tr("Play"));
    playButton_->setObjectName("playButton");
    playButton_->setCheckable(true);
    slider_ = new QSlider(Qt::Horizontal);
    slider_->setObjectName("epochSlider");
    slider_->setRange(0, 0);
    epochLabel_ = new QLabel;
    epochLabel_->setMinimumWidth(110);
    bottom->addWidget(playButton_);
    bottom->addWidget(slider_, 1);
    bottom->addWidget(epochLabel_);
    layout->addLayout(bottom);
    return area;
}

// The network file's `training` object, when present, gives the defaults
// (once per object: the fields are the user's afterwards).
void TrainingLab::applyDocumentDefaults() {
    const QJsonValue value = document_->state().original.value("training");
    if (value == appliedSetup_)
        return;
    appliedSetup_ = value;
    if (value.isUndefined())
        return;
    const auto parsed = io::parseTrainingSetup(value);
    if (!parsed)
        return;
    const TrainingSetup& t = parsed.value();
    const auto text = [](double x) { return QLocale::c().toString(x, 'g', 12); };
    const auto select = [](QComboBox* combo, const QString& data) {
        combo->setCurrentIndex(std::max(0, combo->findData(data)));
    };
    rawData_.reset();
    filePath_.clear();
    if (t.usesFile()) {
        const QString path =
            QFileInfo(document_->filePath()).dir().filePath(QString::fromStdString(t.dataFile));
        if (QFileInfo::exists(path))
            filePath_ = path;
    } else {
        select(dataCombo_, QString::fromStdString(t.generator.name));
        pointsSpin_->setValue(t.generator.points);
        noiseSpin_->setValue(t.generator.noise);
        dataSeedSpin_->setValue(static_cast<int>(t.generator.seed));
    }
    splitEdit_->setText(QString("%1, %2, %3")
                            .arg(t.split.trainPercent)
                            .arg(t.split.validationPercent)
                            .arg(t.split.testPercent));
    splitSeedSpin_->setValue(static_cast<int>(t.split.seed));
    shuffleCheck_->setChecked(t.split.shuffle);
    const TrainingOptions o = trainingOptionsOf(t, document_->network());
    select(optimizerCombo_, QString::fromStdString(optimizerKey(o.optimizer.kind)));
    etaEdit_->setText(text(o.optimizer.learningRate));
    betaEdit_->setText(
        text(o.optimizer.kind == OptimizerKind::Adam ? o.optimizer.beta1 : o.optimizer.beta));
    beta2Edit_->setText(text(o.optimizer.beta2));
    biasCorrectionCheck_->setChecked(o.optimizer.biasCorrection);
    batchSpin_->setValue(o.batchSize);
    epochsSpin_->setValue(o.epochs);
    l2Edit_->setText(text(o.l2));
    seedSpin_->setValue(static_cast<int>(o.seed));
    select(initCombo_, o.init ? QString::fromStdString(initSchemeKey(o.init->scheme)) : QString());
    if (o.init)
        initSeedSpin_->setValue(static_cast<int>(o.init->seed));
    select(compareCombo_, QString::fromStdString(t.comparison.setting));
    QStringList values;
    for (const std::string& v : t.comparison.values)
        values << QString::fromStdString(v);
    compareEdit_->setText(values.join(", "));
}

std::optional<TrainingOptions> TrainingLab::baseOptions(QString& error) const {
    TrainingOptions o;
    const auto kind = optimizerFromKey(optimizerCombo_->currentData().toString().toStdString());
    o.optimizer.kind = kind.value_or(OptimizerKind::Sgd);
    const std::pair<const QLineEdit*, double*> numbers[] = {{etaEdit_, &o.optimizer.learningRate},
                                                            {betaEdit_, &o.optimizer.beta},
                                                            {beta2Edit_, &o.optimizer.beta2},
                                                            {l2Edit_, &o.l2}};
    const QString names[] = {tr("η"), tr("β"), tr("β₂"), tr("L2 λ")};
    for (std::size_t i = 0; i < std::size(numbers); ++i) {
        if (!readNumber(numbers[i].first, *numbers[i].second)) {
            error = tr("%1: “%2” is not a number").arg(names[i], numbers[i].first->text());
            return std::nullopt;
        }
    }
    o.optimizer.beta1 = o.optimizer.beta;
    o.optimizer.biasCorrection = biasCorrectionCheck_->isChecked();
    o.batchSize = batchSpin_->value();
    o.epochs = epochsSpin_->value();
    o.seed = static_cast<std::uint64_t>(seedSpin_->value());
    o.shuffle = shuffleCheck_->isChecked();
    const QString init = initCombo_->currentData().toString();
    for (InitScheme scheme : allInitSchemes()) {
        if (QString::fromStdString(initSchemeKey(scheme)) == init) {
            InitOptions options;
            options.scheme = scheme;
            options.seed = static_cast<std::uint64_t>(initSeedSpin_->value());
            o.init = options;
        }
    }
    if (const std::string problem = optimizerProblem(o.optimizer); !problem.empty()) {
        error = QString::fromStdString(problem);
        return std::nullopt;
    }
    return o;
}

std::optional<Comparison> TrainingLab::comparison(QString& error) const {
    Comparison c;
    c.setting = compareCombo_->currentData().toString().toStdString();
    if (c.setting.empty())
        return c;
    const QStringList parts =
        compareEdit_->text().split(QRegularExpression("[,;\\s]+"), Qt::SkipEmptyParts);
    for (const QString& part : parts)
        c.values.push_back(part.toStdString());
    if (c.values.empty()) {
        error = tr("Compare: give the values to compare, separated by commas");
        return std::nullopt;
    }
    return c;
}

} // namespace bpl::gui
