// A class roster for exercise sheets (`sheets --roster names.txt`): one
// student's name per line, UTF-8; blank lines and lines starting with # are
// skipped; spaces around a name are trimmed. Refused with the file, the line
// number and the reason: text that is not UTF-8, a control character, a name
// longer than kMaxRosterNameLength characters, more than kMaxClassSize names,
// no name at all. And the file names a class folder uses for its students:
// "NN-name" with the name transliterated to lowercase ASCII (accents dropped,
// ß → ss, æ → ae …), anything else a hyphen, "student" when nothing is left;
// the same name twice gets "-2", "-3".
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace bpl::io {

constexpr int kMaxClassSize = 500;        // students per class (sheets --students N: 1 … 500)
constexpr int kMaxRosterNameLength = 100; // characters per name
constexpr qint64 kMaxRosterFileBytes = 1024 * 1024;

Result<QStringList> parseRoster(const QByteArray& bytes, const QString& fileName);
Result<QStringList> loadRoster(const QString& path);

// "Student 1" … "Student N" for a class given by its size.
QStringList numberedStudents(int count);

// The file name stems of a class, in roster order: "01-ada-lovelace",
// "02-zoe-nunez", … (two digits up to 99 students, three above).
QStringList classFileStems(const QStringList& names);
// One name as lowercase ASCII words joined by hyphens ("Zoë Ñúñez" → "zoe-nunez"),
// at most 40 characters; empty when nothing transliterates.
QString asciiFileName(const QString& name);

} // namespace bpl::io
