#pragma once
// The paper's CO2 paragraph: a LaTeX paragraph stating the training energy and CO2 of chosen
// models (or of the whole report) with the method, hardware, hours and their provenance, the PUE
// and the carbon intensity with its source, and the BibTeX of every source it cites. Written from
// the same Report the JSON is written from, so every number in the paragraph is a JSON value
// (or a sum or count of them) rounded by statementNumber (docs/CLI.md).
#include <optional>
#include <QString>
#include <QStringList>

#include "models/report.h"

namespace nofade {

struct Co2Statement {
    QString tex;          // the paragraph, with a comment line saying where it came from
    QString bib;          // one BibTeX entry per key in citeKeys
    QStringList citeKeys; // in order of first citation
};

// modelNames empty: the total over every model of the report with CO2. Otherwise each name
// selects every row with exactly that model name (a name may appear once per dataset). Nullopt
// with `error` when a name matches no row or a selected row has no CO2 (the reason is given).
// `bibName` is the .bib file's base name, named in the paragraph's comment line.
std::optional<Co2Statement> co2Statement(const Report& report, const QStringList& modelNames,
                                         const QString& bibName, QString* error);

// Three significant digits in fixed notation: 1234.5 -> "1230", 0.0012345 -> "0.00123",
// 1.0 -> "1", 3.699 -> "3.7" (printf's %.3g, written without an exponent).
QString statementNumber(double value);

// LaTeX-safe text: escapes \ { } $ & % # _ ~ ^.
QString latexEscape(const QString& text);

} // namespace nofade
