#include "io/class_roster.h"

#include "io/safe_file.h"

#include <QHash>
#include <QStringDecoder>

namespace bpl::io {

namespace {

// Letters that Unicode decomposition does not reduce to ASCII.
QString extraTransliteration(QChar c) {
    switch (c.unicode()) {
    case 0x00DF:
        return "ss"; // ß
    case 0x00E6:
        return "ae"; // æ
    case 0x0153:
        return "oe"; // œ
    case 0x00F8:
        return "o"; // ø
    case 0x0142:
        return "l"; // ł
    case 0x0111:
        return "d"; // đ
    case 0x00F0:
        return "d"; // ð
    case 0x00FE:
        return "th"; // þ
    case 0x0131:
        return "i"; // ı
    default:
        return {};
    }
}

std::string codePoint(char32_t c) {
    return "U+" +
           QString::number(static_cast<uint>(c), 16).toUpper().rightJustified(4, '0').toStdString();
}

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069): they reorder the text around them on the sheet and in the
// CSV, so a name could show as something else.
bool isBidiControl(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// A character that shows as ink: a letter, digit, punctuation or symbol, but
// not one of the blank "letters" (Hangul fillers, the blank braille pattern).
bool isVisible(char32_t c) {
    if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800)
        return false;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        return true;
    default:
        return false;
    }
}

// Why `name` cannot be a student's name, or "".
std::string nameProblem(const QString& name) {
    bool visible = false;
    for (const char32_t c : name.toUcs4()) {
        if (QChar::category(c) == QChar::Other_Control)
            return "contains a control character (" + codePoint(c) + "); write one name per line";
        if (isBidiControl(c)) {
            return "contains a bidirectional control character (" + codePoint(c) +
                   ") that would reorder the text; write the name without it";
        }
        visible = visible || isVisible(c);
    }
    if (!visible)
        return "the name has no visible character (only spaces or invisible characters)";
    return {};
}

Error lineError(const QString& fileName, int line, const std::string& reason) {
    return Error{fileName.toStdString(), "line " + std::to_string(line), reason};
}

} // namespace

Result<QStringList> parseRoster(const QByteArray& bytes, const QString& fileName) {
    const std::string file = fileName.toStdString();
    if (bytes.size() > kMaxRosterFileBytes) {
        return Error{file, "",
                     "file is too large (a roster may be at most " + sizeText(kMaxRosterFileBytes) +
                         ")"};
    }
    QStringList names;
    const QList<QByteArray> lines = bytes.split('\n');
    for (int k = 0; k < lines.size(); ++k) {
        const int lineNumber = k + 1;
        QByteArray raw = lines[k];
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (k == 0 && raw.startsWith("\xEF\xBB\xBF"))
            raw.remove(0, 3); // a byte-order mark
        QStringDecoder decode(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
        const QString text = decode(raw);
        if (decode.hasError())
            return lineError(fileName, lineNumber, "is not UTF-8 text (save the roster as UTF-8)");
        const QString name = text.trimmed();
        if (name.isEmpty() || name.startsWith('#'))
            continue;
        if (const std::string problem = nameProblem(name); !problem.empty())
            return lineError(fileName, lineNumber, problem);
        if (name.size() > kMaxRosterNameLength) {
            return lineError(fileName, lineNumber,
                             "the name is " + std::to_string(name.size()) +
                                 " characters long; at most " +
                                 std::to_string(kMaxRosterNameLength) + " are allowed");
        }
        if (names.size() == kMaxClassSize) {
            return lineError(fileName, lineNumber,
                             "more than " + std::to_string(kMaxClassSize) +
                                 " students; a class may have at most " +
                                 std::to_string(kMaxClassSize));
        }
        names << name;
    }
    if (names.isEmpty())
        return Error{file, "", "no student names (one name per line; # starts a comment)"};
    return names;
}

Result<QStringList> loadRoster(const QString& path) {
    const auto bytes = readRegularFile(path, kMaxRosterFileBytes, "roster");
    if (!bytes)
        return bytes.error();
    return parseRoster(bytes.value(), path);
}

QStringList numberedStudents(int count) {
    QStringList names;
    for (int k = 1; k <= count; ++k)
        names << QString("Student %1").arg(k);
    return names;
}

QString asciiFileName(const QString& name) {
    QString out;
    bool hyphen = false;
    for (const QChar c : name.normalized(QString::NormalizationForm_KD)) {
        QString piece;
        if (c.unicode() < 128 && c.isLetterOrNumber()) {
            piece = c.toLower();
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue; // an accent, decomposed from its letter
        } else {
            piece = extraTransliteration(c.toLower());
        }
        if (piece.isEmpty()) {
            hyphen = !out.isEmpty();
            continue;
        }
        if (hyphen)
            out += '-';
        hyphen = false;
        out += piece;
    }
    if (out.size() > 40) {
        out.truncate(40);
        while (out.endsWith('-'))
            out.chop(1);
    }
    return out;
}

QStringList classFileStems(const QStringList& names) {
    const int width = names.size() > 99 ? 3 : 2;
    QHash<QString, int> seen;
    QStringList stems;
    for (int k = 0; k < names.size(); ++k) {
        QString base = asciiFileName(names[k]);
        if (base.isEmpty())
            base = "student";
        const int count = ++seen[base];
        if (count > 1)
            base += QString("-%1").arg(count);
        stems << QString("%1-%2").arg(k + 1, width, 10, QChar('0')).arg(base);
    }
    return stems;
}

} // namespace bpl::io
