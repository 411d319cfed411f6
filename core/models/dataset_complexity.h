#pragma once
// A dataset's complexity for NoFADE: from a scan profile (C_H and C_JS) or typed in with a note
// of where it came from.
#include <optional>
#include <QHash>
#include <QString>

#include "models/nofade_score.h"
#include "profile/profile_measures.h"

namespace nofade {

struct Profile;
struct JsdSummary;

struct ComplexityInput {
    QString dataset;                    // as named by the user, or taken from the profile's folder
    std::optional<double> entropy;      // C_H (bits)
    std::optional<double> jensenShannon; // C_JS
    QString jensenShannonReason;        // why the profile has no C_JS
    QString jensenShannonNote;          // why C_JS is negative (negativeComplexityReason), else empty
    bool labelled = true;               // false: the profile's dataset has no classes (C_JS n/a)
    QString layoutNotice;               // how the profile's folder was read (split folders, ...)
    QHash<QString, double> measures;    // the profile's other measures by name ("si", "f1", ...)
    std::optional<double> typed;        // typed in: used whatever the dataset's measure
    QString source;                     // "profile fm.json" or the typed-in note
    bool operator==(const ComplexityInput&) const = default;
};

// C_H and C_JS of a profile. `dataset` empty: the name of the profile's dataset folder/file.
ComplexityInput complexityFromProfile(const Profile& profile, const QString& dataset, const QString& file);
// The same with the profile's class distances already computed (profile.jsd()), as the GUI keeps them.
ComplexityInput complexityFromProfile(const Profile& profile, const JsdSummary& jsd, const QString& dataset,
                                      const QString& file);

// A typed-in value: "typed in: <note>".
ComplexityInput typedComplexity(const QString& dataset, double value, const QString& note);

struct ChosenComplexity {
    std::optional<double> value;
    QString source;
    QString reason; // why there is no value
    QString note;   // what the value needs said with it (a negative C_JS)
};

// The value for `measure`: a typed value as it is, else the profile's C_JS, C_H or other measure.
ChosenComplexity chooseComplexity(const ComplexityInput& input, ComplexityMeasure measure);

// Every complexity measure of a profile, in measureNames() order: the values of its measures
// block; entropy is C_H from the profile's images when the scan asked for no measures. A measure
// that was not computed has no value and a reason saying how to get it.
std::vector<MeasureValue> profileMeasureValues(const Profile& profile);

} // namespace nofade
