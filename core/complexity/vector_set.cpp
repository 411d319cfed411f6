#include "complexity/vector_set.h"

#include <algorithm>
#include <map>

namespace nofade {

VectorSet labelledOnly(const VectorSet& set, std::vector<int>* originalClass)
{
    std::map<int, int> renumbered;
    for (int c : set.classes)
        if (c >= 0)
            renumbered.emplace(c, 0);
    int next = 0;
    for (auto& [c, k] : renumbered)
        k = next++;
    VectorSet out;
    for (std::size_t i = 0; i < set.size(); ++i)
        if (set.classes[i] >= 0) {
            out.vectors.push_back(set.vectors[i]);
            out.classes.push_back(renumbered[set.classes[i]]);
        }
    if (originalClass) {
        originalClass->clear();
        for (const auto& [c, k] : renumbered)
            originalClass->push_back(c);
    }
    return out;
}

} // namespace nofade
