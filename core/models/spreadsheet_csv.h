#pragma once
// CSV for spreadsheets: numbers stay numbers (negative ones included); text that a spreadsheet
// would run as a formula (starting with = + - @, tab or carriage return) is prefixed with an
// apostrophe so it shows as text. Pure, no I/O.
#include <optional>
#include <vector>
#include <QByteArray>
#include <QString>
#include <QStringList>

namespace nofade {

struct ExportCell {
    QString text;
    bool isNumber = false;

    static ExportCell number(double value);
    static ExportCell number(const std::optional<double>& value); // empty cell when absent
    static ExportCell plain(const QString& value) { return {value, false}; }
};

// The text as a spreadsheet should see it: "'=cmd" for "=cmd", unchanged otherwise.
QString neutraliseFormula(const QString& text);

QByteArray writeSpreadsheetCsv(const QStringList& header, const std::vector<std::vector<ExportCell>>& rows);

} // namespace nofade
