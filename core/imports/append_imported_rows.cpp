#include "imports/append_imported_rows.h"

#include "models/csv_document.h"

namespace nofade {

ModelTable appendImportedRows(const ModelTable& table, const std::vector<ImportedRow>& rows,
                              const ModelTableOptions& options)
{
    // The rows as the CLI writes them, then cell by cell into the table's document: one validation
    // at the end instead of one per cell (ModelTable::setCell), so a large import stays quick.
    const CsvTable imported(parseCsv(importedRowsToCsv(rows)));
    CsvTable csv = table.csv();
    QList<int> target;
    for (int c = 0; c < imported.columnCount(); ++c) {
        const QString name = imported.columnName(c);
        const int at = csv.column(name);
        target << (at >= 0 ? at : csv.addColumn(name));
    }
    for (int r = 0; r < int(imported.dataRecords().size()); ++r) {
        const int row = csv.appendRow();
        for (int c = 0; c < imported.columnCount(); ++c) {
            const QString text = imported.cell(r, c);
            if (!text.isEmpty())
                csv.setCell(row, target.at(c), text);
        }
    }
    return ModelTable::fromCsv(writeCsv(csv.document()), table.fileName(), options);
}

} // namespace nofade
