#include "models/spreadsheet_csv.h"

#include "models/csv_document.h"
#include "models/text_values.h"

namespace nofade {

ExportCell ExportCell::number(double value)
{
    return {formatNumber(value), true};
}

ExportCell ExportCell::number(const std::optional<double>& value)
{
    return value ? number(*value) : ExportCell{};
}

QString neutraliseFormula(const QString& text)
{
    if (text.isEmpty())
        return text;
    const QChar c = text.front();
    if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@')
        || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
        return QLatin1Char('\'') + text;
    return text;
}

QByteArray writeSpreadsheetCsv(const QStringList& header, const std::vector<std::vector<ExportCell>>& rows)
{
    QStringList safeHeader;
    for (const QString& h : header)
        safeHeader << neutraliseFormula(h);
    QString out = csvLine(safeHeader, QStringLiteral("\r\n"));
    for (const auto& row : rows) {
        QStringList cells;
        for (const ExportCell& cell : row)
            cells << (cell.isNumber ? cell.text : neutraliseFormula(cell.text));
        out += csvLine(cells, QStringLiteral("\r\n"));
    }
    return out.toUtf8();
}

} // namespace nofade
