// The JSON writer (io/json_writer.h): an object of many unknown keys (a network
// file keeps them and writes them back) is written in one walk, in the object's
// own key order after the ordered keys, and reads back equal to what
// QJsonDocument makes of it. Before, each key was looked up in the list of keys
// written so far: 100,000 keys took minutes.
#include "io/json_writer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace bpl::io;

class TestJsonWriter : public QObject {
    Q_OBJECT
  private slots:
    void orderedKeysFirstThenTheRest();
    void manyKeysAsQJsonDocumentReadsThem();
};

void TestJsonWriter::orderedKeysFirstThenTheRest() {
    const QJsonObject o{{"b", 1}, {"a", QJsonObject{{"y", true}, {"x", "t"}}}, {"size", 2.5}};
    QCOMPARE(
        writeJson(o, {"size", "y", "size"}),
        QByteArray("{\n  \"size\": 2.5,\n  \"a\": {\n    \"y\": true,\n    \"x\": \"t\"\n  },\n"
                   "  \"b\": 1\n}\n"));
    QCOMPARE(writeJson(QJsonObject{}), QByteArray("{}\n"));
}

void TestJsonWriter::manyKeysAsQJsonDocumentReadsThem() {
    QJsonObject unknown;
    for (int k = 0; k < 100'000; ++k)
        unknown.insert(QString("key%1").arg(k, 6, 10, QChar('0')),
                       k % 7 == 0 ? QJsonValue(k) : QJsonValue("v"));
    const QJsonObject root{{"layers", QJsonArray{1, 2}}, {"unknown", unknown}};
    QElapsedTimer timer;
    timer.start();
    const QByteArray written = writeJson(root, {"layers"});
    qInfo("100,000 keys written in %lld ms", timer.elapsed());
    QJsonParseError error;
    const QJsonDocument back = QJsonDocument::fromJson(written, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(back.object(), root);
    // The same bytes as QJsonDocument's own indented output, but with two spaces.
    QByteArray qt =
        QJsonDocument(QJsonObject{{"unknown", unknown}}).toJson(QJsonDocument::Indented);
    const QByteArray ours = writeJson(QJsonObject{{"unknown", unknown}});
    qt.replace("    ", "  ");
    QCOMPARE(ours.size(), qt.size());
    QCOMPARE(ours, qt);
}

QTEST_APPLESS_MAIN(TestJsonWriter)
#include "tst_json_writer.moc"
