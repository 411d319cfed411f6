#pragma once
// The scan command's complexity-measure options (--measures, --measures-sample,
// --measures-replicates) and their lines in the summary.
#include <QCommandLineOption>
#include <QCommandLineParser>

#include "profile/profile.h"

namespace nofade::cli {

class ScanMeasures {
public:
    void addTo(QCommandLineParser& parser) const;
    // Reads the options; false with `error` on a bad value or a combination that cannot work.
    bool read(const QCommandLineParser& parser, bool hasCache, QString* error);
    bool requested() const { return requested_; }
    const MeasureSettings& settings() const { return settings_; }
    QString summary(const Profile& profile) const;

private:
    QCommandLineOption measures_{QStringLiteral("measures"),
                                 QStringLiteral("Complexity measures: entropy,si,bpp,id,f1,n1,csg or all "
                                                "(docs/METHODS.md)."),
                                 QStringLiteral("LIST")};
    QCommandLineOption sample_{QStringLiteral("measures-sample"),
                               QStringLiteral("Images per class for id, f1, n1, csg (default 250; 5000 without "
                                              "classes), or all (one deterministic sample)."),
                               QStringLiteral("M|all"), QStringLiteral("250")};
    QCommandLineOption replicates_{QStringLiteral("measures-replicates"),
                                   QStringLiteral("Seeded replicate samples for the 95% interval (default 10)."),
                                   QStringLiteral("R"), QStringLiteral("10")};
    bool requested_ = false;
    MeasureSettings settings_;
};

} // namespace nofade::cli
