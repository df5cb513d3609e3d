// Network files (shared/spec/network-format.md): load with validation, save
// keeping unknown keys. Every rejection names the file, the JSON path and the
// reason; loading never changes anything already open.
#pragma once

#include "core/exercise/variant_template.h"
#include "core/network.h"
#include "core/result.h"
#include "core/training/training_setup.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace bpl::io {

constexpr const char* kNetworkFormat = "backprop-lab.network/1";
// The size limits of a network (docs/limits.md). A file is read
// only up to kMaxNetworkFileBytes; every declared size is checked against
// these before anything is allocated. The limits are what `trace` works out
// quickly, in bounded memory: a trace keeps every scalar's formula (a few KB
// per weight), so weights and biases are capped in total.
constexpr qint64 kMaxNetworkFileBytes = 32 * 1024 * 1024;
constexpr int kMaxLayerSize = 4096;
constexpr int kMaxLayers = 1000;
constexpr long long kMaxParameters = 100000; // weights and biases together
// Why, in every refusal of a limit above.
constexpr const char* kLimitReason = "a worked trace of anything larger is neither quick nor readable";

struct NetworkDocument {
    Network network;
    QJsonObject original; // the file as read, so unknown keys survive a save
    // The optional `training` object (a Backprop Lab extension, see
    // docs/formats/network-format.md), validated; written back on save.
    std::optional<TrainingSetup> training;
    // The optional `variants` object (the exercise template, docs/formats/
    // network-format.md "Exercise variants"), validated; written back on save.
    // Without it the network's variants follow defaultNetworkTemplate.
    std::optional<exercise::NetworkTemplate> variants;
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
