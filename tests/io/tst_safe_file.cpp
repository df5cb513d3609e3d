// io/safe_file.h: only regular files are read, never past the cap; files are
// written all or nothing, never over a device node, pipe or folder.
#include "io/safe_file.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace bpl;

namespace {

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

QString messageOf(const Result<QByteArray>& r) {
    return r ? QString() : QString::fromStdString(r.error().message());
}

} // namespace

class TestSafeFile : public QObject {
    Q_OBJECT
  private slots:
    void readsARegularFile();
    void refusesDevicesPipesAndFolders();
    void stopsAtTheCap();
    void sizeTextIsLocaleFree();
    void writesAllOrNothing();
    void refusesToWriteOverADeviceOrPipe();
};

void TestSafeFile::readsARegularFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath("a.txt");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("0.5 0.25 1\n");
    f.close();
    const auto r = io::readRegularFile(path, 100, "data file");
    QVERIFY(r.ok());
    QCOMPARE(r.value(), QByteArray("0.5 0.25 1\n"));
    QCOMPARE(messageOf(io::readRegularFile(dir.filePath("none"), 100, "data file")),
             dir.filePath("none") + ": no such file");
}

void TestSafeFile::refusesDevicesPipesAndFolders() {
    QTemporaryDir dir;
    QCOMPARE(messageOf(io::readRegularFile("/dev/zero", 1024, "network file")),
             QString("/dev/zero: is not a regular file (a device, pipe or socket); a network file "
                     "is read only "
                     "from a regular file"));
    QVERIFY(messageOf(io::readRegularFile("/dev/urandom", 1024, "network file"))
                .contains("not a regular file"));
    const QString fifo = dir.filePath("pipe");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // Opening a pipe with no writer must not wait for one.
    QVERIFY(messageOf(io::readRegularFile(fifo, 1024, "answer file"))
                .endsWith("an answer file is read only from a regular file"));
    QCOMPARE(messageOf(io::readRegularFile(dir.path(), 1024, "data file")),
             dir.path() + ": is a folder, not a data file");
}

void TestSafeFile::stopsAtTheCap() {
    QTemporaryDir dir;
    const QString path = dir.filePath("big.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(3 * 1024 * 1024 + 512 * 1024, ' '));
    f.close();
    QCOMPARE(messageOf(io::readRegularFile(path, 2 * 1024 * 1024, "network file")),
             path + ": file is too large (3.5 MiB; a network file may be at most 2 MiB)");
    QVERIFY(io::readRegularFile(path, 4 * 1024 * 1024, "network file").ok());
}

void TestSafeFile::sizeTextIsLocaleFree() {
    QCOMPARE(QString::fromStdString(io::sizeText(300)), QString("300 bytes"));
    QCOMPARE(QString::fromStdString(io::sizeText(32 * 1024 * 1024)), QString("32 MiB"));
    QCOMPARE(QString::fromStdString(io::sizeText(1536)), QString("1.5 KiB"));
    QCOMPARE(QString::fromStdString(io::sizeText(qint64(1) << 30)), QString("1 GiB"));
}

void TestSafeFile::writesAllOrNothing() {
    QTemporaryDir dir;
    const QString path = dir.filePath("out.txt");
    QVERIFY(io::writeFileAtomically(path, QByteArray("first\n")).ok());
    QCOMPARE(contents(path), QByteArray("first\n"));
    // A writer that fails half-way: the earlier file stays byte for byte.
    const auto failed = io::writeFileAtomically(path, [](QIODevice& device, std::string& error) {
        device.write("half a fi");
        error = "cannot draw the figure";
        return false;
    });
    QVERIFY(!failed.ok());
    QCOMPARE(QString::fromStdString(failed.error().message()), path + ": cannot draw the figure");
    QCOMPARE(contents(path), QByteArray("first\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
             QStringList{"out.txt"}); // no temporary left behind
    // A folder that does not exist.
    QVERIFY(!io::writeFileAtomically(dir.filePath("no/such/out.txt"), QByteArray("x")).ok());
}

void TestSafeFile::refusesToWriteOverADeviceOrPipe() {
    QTemporaryDir dir;
    const QString fifo = dir.filePath("pipe");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const auto r = io::writeFileAtomically(fifo, QByteArray("x"));
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error().message()).contains("is not a regular file"));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode)); // still the pipe, not replaced by a regular file
    QCOMPARE(QString::fromStdString(io::checkOutputPath(dir.path()).error().message()),
             dir.path() + ": is a folder");
    QVERIFY(!io::checkOutputPath("/dev/null").ok());
}

QTEST_GUILESS_MAIN(TestSafeFile)
#include "tst_safe_file.moc"
