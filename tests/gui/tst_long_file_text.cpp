// A network file's name and description are drawn capped (gui/shown_text.h):
// a 1 MB name once asked for a window 11,703,200 px wide and a 1 MB
// description kept the window from opening for minutes. The whole text is
// kept in the document and saved byte for byte.
#include "gui/shown_text.h"
#include "gui_test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>

using namespace bpl;
using namespace bpl::gui;

class TestLongFileText : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void shownTextIsCut();
    void longNameAndDescriptionAreElidedButSaved();

  private:
    QTemporaryDir settings_;
    QTemporaryDir files_;
};

void TestLongFileText::initTestCase() {
    test::isolateSettings(settings_);
    QVERIFY(files_.isValid());
}

void TestLongFileText::shownTextIsCut() {
    QCOMPARE(shownText("short", 80), QString("short"));
    QCOMPARE(shownText("abcdef", 3), QString("abc…"));
    // Characters, not bytes: "σ" is 2 bytes, "𝑥" 4 (a surrogate pair in UTF-16), never split.
    QCOMPARE(shownText("σσσσ", 2), QString("σσ…"));
    QCOMPARE(shownText("𝑥𝑥𝑥", 2), QString("𝑥𝑥…"));
    QCOMPARE(shownText("𝑥𝑥", 2), QString("𝑥𝑥"));
    QCOMPARE(shownText(std::string(1'000'000, 'n'), kShownNameChars).size(), kShownNameChars + 1);
}

void TestLongFileText::longNameAndDescriptionAreElidedButSaved() {
    const std::string name(1'000'000, 'N');
    std::string description;
    while (description.size() < 1'000'000)
        description += "A description line of a network that goes on. ";
    QJsonObject net{{"format", "backprop-lab.network/1"},
                    {"name", QString::fromStdString(name)},
                    {"description", QString::fromStdString(description)},
                    {"layers", QJsonArray{QJsonObject{{"size", 1}},
                                          QJsonObject{{"size", 1},
                                                      {"activation", "sigmoid"},
                                                      {"weights", QJsonArray{QJsonArray{0.5}}},
                                                      {"bias", QJsonArray{0.1}}}}},
                    {"loss", "half_squared_error"},
                    {"learning_rate", 0.1},
                    {"sample", QJsonObject{{"input", QJsonArray{1}}, {"target", QJsonArray{0}}}}};
    const QString path = files_.filePath("long.json");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(net).toJson());
    }
    auto window = test::openSheet5();
    QVERIFY(window);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(window->openFile(path));
    QApplication::processEvents();
    qInfo("a 1 MB name and a 1 MB description opened and drawn in %lld ms", timer.elapsed());
    // The window does not ask for a width that grows with the name.
    QVERIFY2(window->minimumSizeHint().width() < 3000,
             qPrintable(QString::number(window->minimumSizeHint().width())));
    for (const QLabel* label : window->findChildren<QLabel*>()) {
        QVERIFY2(label->text().size() < 5000, qPrintable(label->objectName()));
        QVERIFY2(label->minimumSizeHint().width() < 3000, qPrintable(label->objectName()));
    }
    // The document keeps, and saves, the whole text.
    QCOMPARE(window->document()->network().name.size(), name.size());
    const QString saved = files_.filePath("saved.json");
    QVERIFY(window->saveTo(saved));
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject back = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(back.value("name").toString().toStdString(), name);
    QCOMPARE(back.value("description").toString().toStdString(), description);
}

QTEST_MAIN(TestLongFileText)
#include "tst_long_file_text.moc"
