#include "gui/autosave.h"

#include "gui/network_document.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace bpl::gui {

namespace {

constexpr const char* kAutosaveFormat = "backprop-lab.autosave/1";
constexpr qint64 kMaxAutosaveBytes = io::kMaxNetworkFileBytes + 4096;

QString lockNameFor(const QString& autosaveFile) {
    return autosaveFile.left(autosaveFile.size() - int(qstrlen(".json"))) + ".lock";
}

} // namespace

Autosave::Autosave(NetworkDocument* document, const QString& directory, QObject* parent)
    : QObject(parent), document_(document) {
    QDir().mkpath(directory);
    file_ = QDir(directory).filePath(QString("autosave-%1.json").arg(QCoreApplication::applicationPid()));
    lock_ = std::make_unique<QLockFile>(lockNameFor(file_));
    lock_->tryLock(0);
    timer_.setSingleShot(true);
    timer_.setInterval(kDelayMs);
    connect(&timer_, &QTimer::timeout, this, [this] { flush(); });
    connect(document_, &NetworkDocument::traceChanged, this, &Autosave::schedule);
    connect(document_, &NetworkDocument::fileChanged, this, &Autosave::schedule);
}

Autosave::~Autosave() = default;

QString Autosave::defaultDirectory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/autosave";
}

void Autosave::schedule() {
    if (document_->isModified()) {
        timer_.start();
    } else {
        timer_.stop();
        remove();
    }
}

bool Autosave::flush(QString* error) {
    timer_.stop();
    if (!document_->isModified()) {
        remove();
        return true;
    }
    QJsonObject root;
    root["format"] = kAutosaveFormat;
    root["original_path"] = document_->filePath();
    root["example"] = document_->exampleName();
    root["display_name"] = document_->displayName();
    root["saved_at"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    root["sample_pass"] = document_->samplePass();
    root["network"] = io::networkToJson(document_->fileDocument());
    QSaveFile out(file_);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 ||
        !out.commit()) {
        if (error) *error = out.errorString();
        return false;
    }
    return true;
}

void Autosave::remove() { QFile::remove(file_); }

void Autosave::closeCleanly() {
    timer_.stop();
    remove();
}

std::vector<AutosavedEdits> Autosave::orphaned(const QString& directory, QStringList* problems) {
    std::vector<AutosavedEdits> found;
    const QDir dir(directory);
    for (const QFileInfo& info : dir.entryInfoList({"autosave-*.json"}, QDir::Files, QDir::Time)) {
        if (!info.isFile() || info.size() > kMaxAutosaveBytes) continue;
        QLockFile owner(lockNameFor(info.absoluteFilePath()));
        if (!owner.tryLock(0)) continue; // its window is still running
        owner.unlock();
        QFile f(info.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly)) continue;
        const QJsonObject root = QJsonDocument::fromJson(f.read(kMaxAutosaveBytes)).object();
        if (root.value("format").toString() != kAutosaveFormat) {
            if (problems) *problems << info.fileName() + ": not an autosave file";
            continue;
        }
        const QByteArray networkBytes = QJsonDocument(root.value("network").toObject()).toJson();
        auto parsed = io::parseNetwork(networkBytes, info.fileName());
        if (!parsed) {
            if (problems) *problems << QString::fromStdString(parsed.error().message());
            continue;
        }
        AutosavedEdits edits;
        edits.autosaveFile = info.absoluteFilePath();
        edits.originalPath = root.value("original_path").toString();
        edits.exampleName = root.value("example").toString();
        edits.displayName = root.value("display_name").toString();
        edits.savedAt = QDateTime::fromString(root.value("saved_at").toString(), Qt::ISODate);
        edits.samplePass = std::max(0, root.value("sample_pass").toInt());
        edits.document = std::move(parsed).value();
        found.push_back(std::move(edits));
    }
    return found;
}

void Autosave::discard(const AutosavedEdits& edits) {
    QFile::remove(edits.autosaveFile);
    QFile::remove(lockNameFor(edits.autosaveFile));
}

} // namespace bpl::gui
