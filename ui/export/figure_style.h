#pragma once
// How the model charts look: "screen" (the application's font and colours) or "publication"
// (white background, a serif or chosen font, font sizes in points of the printed figure, thinner
// lines). The same style is applied on screen and in exports, so what you see is what you export.
#include <optional>
#include <QFont>
#include <QJsonObject>
#include <QString>

class QChart;

namespace nofade::ui {

struct FigureStyle {
    QString name = QStringLiteral("screen"); // "screen" | "publication"
    QString fontFamily;                       // empty: the application's font
    double titlePt = 10.5;
    double labelPt = 9.0;                     // axis titles, legend, notes
    double tickPt = 8.0;                      // axis tick labels, point labels
    double markerPx = 10.0;                   // marker diameter in figure pixels (1/96 in)
    double lineWidth = 1.6;

    bool isPublication() const { return name == QLatin1String("publication"); }
    static FigureStyle screen();
    // White, DejaVu Serif (installed with fonts-dejavu-core) unless another family is given.
    static FigureStyle publication(const QString& fontFamily = {}, double basePt = 8.0);
    // "screen" | "publication"; nullopt for anything else.
    static std::optional<FigureStyle> fromName(const QString& name);
    static QStringList names();

    QFont font(double pt, bool bold = false) const;
    // Background, fonts and axis/grid colours of `chart` and its axes and legend.
    void apply(QChart* chart) const;
    QJsonObject toJson() const;
};

} // namespace nofade::ui
