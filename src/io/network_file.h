// Network files (shared/spec/network-format.md): load with validation, save
// keeping unknown keys. Every rejection names the file, the JSON path and the
// reason; loading never changes anything already open.
#pragma once

#include "core/network.h"
#include "core/result.h"
#include "core/training/training_setup.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace bpl::io {

constexpr const char* kNetworkFormat = "backprop-lab.network/1";
// Files larger than this are refused before parsing.
constexpr qint64 kMaxNetworkFileBytes = 32 * 1024 * 1024;
// A layer wider than this is refused (a typo, not an exercise).
constexpr int kMaxLayerSize = 100000;

struct NetworkDocument {
    Network network;
    QJsonObject original; // the file as read, so unknown keys survive a save
    // The optional `training` object (a Backprop Lab extension, see
    // docs/formats/network-format.md), validated; written back on save.
    std::optional<TrainingSetup> training;
};

// `fileName` is only used in messages.
Result<NetworkDocument> parseNetwork(const QByteArray& bytes, const QString& fileName);
Result<NetworkDocument> loadNetwork(const QString& path);

// The document as JSON: the network's values written over the original object.
QJsonObject networkToJson(const NetworkDocument& document);
QByteArray networkToBytes(const NetworkDocument& document);
// Writes atomically (QSaveFile): a failed save leaves the old file intact.
Result<bool> saveNetwork(const NetworkDocument& document, const QString& path);

} // namespace bpl::io
