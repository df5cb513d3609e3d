// `train --format csv` and the Training tab's CSV (io/training_export.h): a
// run's label is a text cell like a student's name in the class scores, so it
// is quoted and neutralised by the same rule (io/csv_field.h): a label that a
// spreadsheet would run as a formula is written with a leading quote.
#include "io/training_export.h"

#include <QtTest>

using namespace bpl;

namespace {

TrainingRun runLabelled(const std::string& label) {
    TrainingRun run;
    run.label = label;
    run.options.optimizer.learningRate = 0.5;
    run.options.batchSize = 4;
    run.trainLoss = {0.75, 0.25};
    return run;
}

} // namespace

class TestTrainingExportCsv : public QObject {
    Q_OBJECT
  private slots:
    void labelCellsAreNeutralised_data();
    void labelCellsAreNeutralised();
};

void TestTrainingExportCsv::labelCellsAreNeutralised_data() {
    QTest::addColumn<QString>("label");
    QTest::addColumn<QByteArray>("cell");
    QTest::newRow("plain") << "sgd, η = 0.5" << QByteArray("\"sgd, η = 0.5\"");
    QTest::newRow("formula") << "=HYPERLINK(\"http://x\")"
                             << QByteArray("\"'=HYPERLINK(\"\"http://x\"\")\"");
    QTest::newRow("at") << "@SUM(1+1)*cmd|x" << QByteArray("'@SUM(1+1)*cmd|x");
    QTest::newRow("plus") << "+1" << QByteArray("'+1");
    QTest::newRow("minus") << "-1" << QByteArray("'-1");
    QTest::newRow("tab") << "\tx" << QByteArray("'\tx");
}

void TestTrainingExportCsv::labelCellsAreNeutralised() {
    QFETCH(QString, label);
    QFETCH(QByteArray, cell);
    const QByteArray csv = io::trainingRunsToCsv({runLabelled(label.toStdString())});
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines[0], QByteArray("run,label,optimizer,learning_rate,batch_size,epoch,train_loss"));
    QCOMPARE(lines[1], "1," + cell + ",sgd,0.5,4,0,0.75");
    QCOMPARE(lines[2], "1," + cell + ",sgd,0.5,4,1,0.25");
}

QTEST_MAIN(TestTrainingExportCsv)
#include "tst_training_export_csv.moc"
