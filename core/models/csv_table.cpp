#include "models/csv_table.h"

namespace nofade {

CsvTable::CsvTable(CsvDocument document) : m_doc(std::move(document))
{
    if (m_doc.records.isEmpty())
        return;
    const CsvRecord& header = m_doc.records.first();
    for (int i = 0; i < header.cells.size(); ++i) {
        const QString key = header.cells.at(i).text.trimmed().toCaseFolded();
        if (!key.isEmpty() && !m_columns.contains(key))
            m_columns.insert(key, i);
    }
    for (int r = 1; r < m_doc.records.size(); ++r)
        if (!m_doc.records.at(r).isBlank())
            m_rows.append(r);
}

int CsvTable::column(const QString& name) const
{
    return m_columns.value(name.trimmed().toCaseFolded(), -1);
}

QString CsvTable::columnName(int column) const
{
    return m_doc.records.isEmpty() ? QString() : m_doc.records.first().cell(column).trimmed();
}

int CsvTable::columnCount() const
{
    return m_doc.records.isEmpty() ? 0 : int(m_doc.records.first().cells.size());
}

QString CsvTable::cell(int dataRow, int column) const
{
    return m_doc.records.at(m_rows.at(dataRow)).cell(column);
}

int CsvTable::line(int dataRow) const
{
    return m_doc.records.at(m_rows.at(dataRow)).line;
}

std::optional<QString> CsvTable::value(int dataRow, const QString& columnName) const
{
    const int c = column(columnName);
    if (c < 0)
        return std::nullopt;
    return cell(dataRow, c);
}

int CsvTable::addColumn(const QString& name)
{
    if (const int existing = column(name); existing >= 0)
        return existing;
    if (m_doc.records.isEmpty())
        m_doc.records.append(CsvRecord{{}, 1, lineEnding()});
    const int index = columnCount();
    m_doc.records.first().cells.append(CsvCell{name, false});
    m_columns.insert(name.trimmed().toCaseFolded(), index);
    for (const int r : std::as_const(m_rows)) {
        QList<CsvCell>& cells = m_doc.records[r].cells;
        while (cells.size() <= index)
            cells.append(CsvCell{});
    }
    return index;
}

int CsvTable::appendRow()
{
    if (m_doc.records.isEmpty())
        m_doc.records.append(CsvRecord{{}, 1, lineEnding()});
    CsvRecord& last = m_doc.records.last();
    if (last.terminator.isEmpty())
        last.terminator = lineEnding();
    int line = last.line + 1; // plus the line breaks inside its quoted cells
    for (const CsvCell& c : std::as_const(last.cells))
        line += int(c.text.count(QLatin1Char('\n')));
    CsvRecord record{QList<CsvCell>(qMax(1, columnCount())), line, lineEnding()};
    m_doc.records.append(record);
    m_rows.append(int(m_doc.records.size()) - 1);
    return int(m_rows.size()) - 1;
}

void CsvTable::setCell(int dataRow, int column, const QString& text)
{
    QList<CsvCell>& cells = m_doc.records[m_rows.at(dataRow)].cells;
    while (cells.size() <= column)
        cells.append(CsvCell{});
    cells[column].text = text;
}

void CsvTable::removeRow(int dataRow)
{
    const int record = m_rows.at(dataRow);
    const bool last = record == m_doc.records.size() - 1;
    if (last && m_doc.records.at(record).terminator.isEmpty() && record > 0)
        m_doc.records[record - 1].terminator.clear(); // the file still ends without a line break
    m_doc.records.removeAt(record);
    reindexRows();
}

int CsvTable::duplicateRow(int dataRow)
{
    const int record = m_rows.at(dataRow);
    CsvRecord copy = m_doc.records.at(record);
    if (m_doc.records.at(record).terminator.isEmpty()) {
        // The copy becomes the last record, so it inherits the missing final line break.
        m_doc.records[record].terminator = lineEnding();
    }
    m_doc.records.insert(record + 1, copy);
    reindexRows();
    return dataRow + 1;
}

namespace {

// Line breaks inside a record's cells, counted as the parser counts them (LF, CRLF or CR).
int lineBreaksIn(const CsvRecord& record)
{
    int n = 0;
    for (const CsvCell& c : record.cells) {
        const QString& t = c.text;
        for (qsizetype i = 0; i < t.size(); ++i)
            if (t.at(i) == QLatin1Char('\n') || (t.at(i) == QLatin1Char('\r') && !(i + 1 < t.size() && t.at(i + 1) == QLatin1Char('\n'))))
                ++n;
    }
    return n;
}

} // namespace

void CsvTable::reindexRows()
{
    m_rows.clear();
    int line = 1;
    for (int r = 0; r < m_doc.records.size(); ++r) {
        CsvRecord& record = m_doc.records[r];
        record.line = line;
        line += lineBreaksIn(record) + (record.terminator.isEmpty() ? 0 : 1);
        if (r > 0 && !record.isBlank())
            m_rows.append(r);
    }
}

QString CsvTable::lineEnding() const
{
    for (const CsvRecord& r : m_doc.records)
        if (!r.terminator.isEmpty())
            return r.terminator;
    return QStringLiteral("\n");
}

QString cellMessage(const QString& file, int dataRow, int line, const QString& column, const QString& reason)
{
    QString where = QStringLiteral("%1: row %2 (line %3)").arg(file).arg(dataRow + 1).arg(line);
    if (!column.isEmpty())
        where += QStringLiteral(", column \"%1\"").arg(column);
    return where + QStringLiteral(": ") + reason;
}

} // namespace nofade
