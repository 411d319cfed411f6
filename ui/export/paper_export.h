#pragma once
// "Export for paper": one folder with everything a paper needs from a session: every figure (PNG,
// SVG, PDF) with its data (CSV), the report (report.csv, report.json), the CO2 paragraph
// (co2-statement.tex) and the BibTeX of its sources (co2-statement.bib) for the selected models
// or, with none selected, the table's total, and settings.json, which records what made the
// folder (datasets, model table, style, size, the paragraph's models, the session file), and
// session.nofade-session, a copy of the session it came from: opening that copy and exporting
// again writes the same folder.
#include <optional>
#include <QStringList>

#include "documents/session_file.h"
#include "export/figure_folder_export.h"

class QWidget;

namespace nofade::ui {

class DatasetStore;

struct PaperExport {
    FolderExport figures;
    QStringList statementModels; // model names; empty: the total of every model with CO2
    QString sessionFile;         // the saved session the folder comes from (may be empty)
    std::optional<SessionData> session; // written into the folder as session.nofade-session

    static constexpr char kSessionCopy[] = "session.nofade-session";

    QStringList written;
    QStringList skipped;

    // False with `error` naming the file or the model and the reason.
    bool run(FigureInputs inputs, const QString& directory, QString* error);
};

// File ▸ Export for paper…: asks for the folder, size and style, then runs PaperExport with the
// models selected in the table (their distinct names). False when cancelled or failed (said).
bool exportForPaperWithDialog(const DatasetStore& store, const Report& report, const QSet<int>& selectedRows,
                              const QString& sessionFile, const SessionData& session, QWidget* parent);

} // namespace nofade::ui
