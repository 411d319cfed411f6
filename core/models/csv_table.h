#pragma once
// A CSV document read as a table: a header row naming the columns (any order, case and
// surrounding spaces ignored), then data rows. Shared by the model, hardware and carbon tables.
#include <optional>
#include <QHash>
#include <QString>

#include "models/csv_document.h"

namespace nofade {

class CsvTable {
public:
    explicit CsvTable(CsvDocument document);

    const CsvDocument& document() const { return m_doc; }
    CsvDocument& document() { return m_doc; }
    bool hasHeader() const { return !m_doc.records.isEmpty(); }
    // Column index of a header name, or -1.
    int column(const QString& name) const;
    QString columnName(int column) const;
    int columnCount() const;
    // Indices (into document().records) of the data rows: every record after the header that
    // is not an empty line.
    const QList<int>& dataRecords() const { return m_rows; }
    QString cell(int dataRow, int column) const;
    int line(int dataRow) const;
    // A cell of a named column, or nullopt when the column is absent.
    std::optional<QString> value(int dataRow, const QString& columnName) const;

    // Editing keeps everything else byte for byte: a new column is appended to the header (and
    // an empty cell to every row), a new row copies the line ending of the rows before it.
    int addColumn(const QString& name);
    int appendRow();
    void setCell(int dataRow, int column, const QString& text);
    // Removes a data row; the file keeps (or keeps lacking) its final line ending.
    void removeRow(int dataRow);
    // Inserts a copy of a data row right after it (quoting and line ending included); returns
    // the copy's index (dataRow + 1).
    int duplicateRow(int dataRow);

private:
    QString lineEnding() const;
    // After rows were inserted or removed: the data-row index and every record's line.
    void reindexRows();

    CsvDocument m_doc;
    QHash<QString, int> m_columns;
    QList<int> m_rows;
};

// "file: row 3 (line 4), column \"score\": reason" — the one wording of every cell error.
QString cellMessage(const QString& file, int dataRow, int line, const QString& column, const QString& reason);

} // namespace nofade
