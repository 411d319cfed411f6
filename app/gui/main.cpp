// nofade: the NoFADE Studio desktop application. Everything it shows lives in libnofade-ui.
#include "application.h"

int main(int argc, char** argv)
{
    return nofade::ui::runApplication(argc, argv);
}
