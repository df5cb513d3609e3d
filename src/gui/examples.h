// The example networks built into the application (resources/examples, the
// :/examples/ prefix): their names and descriptions, read from the files
// themselves, in the order of the teaching material.
#pragma once

#include <QString>
#include <vector>

namespace bpl::gui {

struct ExampleInfo {
    QString id;           // file name without .json, e.g. "sheet5_321_sigmoid"
    QString resourcePath; // ":/examples/sheet5_321_sigmoid.json"
    QString name;         // the file's "name"
    QString description;  // the file's "description"
};

const std::vector<ExampleInfo>& builtInExamples();
// By id, by file name, or by a case-insensitive part of the name ("3-2-1").
const ExampleInfo* findExample(const QString& key);

} // namespace bpl::gui
