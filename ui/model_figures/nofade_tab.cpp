#include "model_figures/nofade_tab.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

#include "model_figures/nofade_chart.h"
#include "model_table/model_store.h"

namespace nofade::ui {

NoFadeTab::NoFadeTab(ModelStore* workspace, ModelSelectionStore* selection, QWidget* parent)
    : ModelFigureTab(workspace, selection, parent)
{
    setObjectName(QStringLiteral("noFadeView"));
    task_ = new QComboBox;
    task_->setObjectName(QStringLiteral("noFadeTask"));
    task_->addItem(tr("All tasks"), QStringLiteral("all"));
    task_->addItem(tr("Classification"), QStringLiteral("classification"));
    task_->addItem(tr("Segmentation"), QStringLiteral("segmentation"));
    task_->addItem(tr("Detection"), QStringLiteral("detection"));
    controls()->insertWidget(0, new QLabel(tr("Task:")));
    controls()->insertWidget(1, task_);
    connect(task_, &QComboBox::currentIndexChanged, this, &NoFadeTab::rebuild);
    rebuild();
}

QString NoFadeTab::task() const { return task_->currentData().toString(); }

void NoFadeTab::setTask(const QString& task)
{
    const int i = task_->findData(task);
    if (i >= 0)
        task_->setCurrentIndex(i);
}

FigureSpec NoFadeTab::spec() const
{
    FigureSpec s;
    s.kind = FigureSpec::Kind::NoFade;
    const QString task = task_->currentData().toString();
    s.panels = task == QLatin1String("all") ? NoFadeChart::tasks(workspace()->report()) : QStringList{task};
    s.baseName = task == QLatin1String("all") ? QStringLiteral("nofade-tasks") : QStringLiteral("nofade-%1").arg(task);
    return s;
}

QString NoFadeTab::emptyMessage() const
{
    if (NoFadeChart::drawableCount(workspace()->report()) > 0)
        return {};
    return tr("<p><b>No model has a NoFADE score yet.</b></p>"
              "<p>NoFADE = score × C / ln(FLOPs) needs each dataset's complexity C "
              "(C<sub>JS</sub> for classification, C<sub>H</sub> for detection and segmentation). To get one:</p>"
              "<ul><li><b>scan the dataset</b>: add its folder in the Datasets dock (File ▸ Add folder…); "
              "its profile gives C<sub>H</sub> and C<sub>JS</sub>, or</li>"
              "<li><b>type the complexity in</b> for the dataset in the Models panel, with a note of where it came from.</li></ul>"
              "<p>Models also need their FLOPs and a training CO₂.</p>"
              "<p><i>In presentation mode the docks are hidden: press F11 to leave it and see them.</i></p>");
}

} // namespace nofade::ui
