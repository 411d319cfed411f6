#pragma once
// The BibTeX entries the CO2 paragraph can cite (co2_statement.cpp), each from its publication
// or repository; fields that could not be sourced are left out.
#include <QString>

namespace nofade {

// The entry of a citation key, ending in a newline; empty for an unknown key.
QString statementBibEntry(const QString& key);

} // namespace nofade
