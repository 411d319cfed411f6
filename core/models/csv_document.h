#pragma once
// RFC 4180 CSV as a value that writes back byte for byte: each cell remembers whether it was
// quoted, each record its line ending, the document its byte-order mark. Pure, no I/O.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace nofade {

struct CsvCell {
    QString text;
    bool quoted = false; // written between double quotes (kept so a file round-trips exactly)
};

struct CsvRecord {
    QList<CsvCell> cells;
    int line = 0;         // 1-based line of the file where the record starts
    QString terminator;   // "\n", "\r\n", "\r" or "" (last record without a line ending)

    QString cell(int index) const { return index >= 0 && index < cells.size() ? cells.at(index).text : QString(); }
    bool isBlank() const; // one empty unquoted cell: an empty line
};

struct CsvProblem {
    int line = 0;
    QString reason;
};

struct CsvDocument {
    bool bom = false;
    QList<CsvRecord> records;
    QList<CsvProblem> problems; // malformed quoting, invalid UTF-8: the text is still kept
};

CsvDocument parseCsv(const QByteArray& bytes);

// Writes the document back. Cells that were quoted stay quoted; a cell that must be quoted
// (comma, quote at the start, line break) is quoted even if it was not before.
QByteArray writeCsv(const CsvDocument& document);

// One record in RFC 4180 form with the given terminator (quoting only where needed).
QString csvLine(const QStringList& cells, const QString& terminator = QStringLiteral("\n"));

} // namespace nofade
