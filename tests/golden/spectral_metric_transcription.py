#!/usr/bin/python3
"""A direct transcription of the steps of the CSG reference code (Dref360/spectral_metric:
spectral_metric/lib.py compute_expectation_with_monte_carlo and get_cummax, and
spectral_metric/estimator.py CumulativeGradientEstimator.compute), written here from reading it,
with every class sample taken (M = all) and the sample as the data, as docs/METHODS.md defines.
Differences from the original, each needed to make the result well defined: distances by scipy's
cdist (the original's sklearn DistanceMetric('euclidean').pairwise computes the same numbers),
and a stable argsort so that ties go to the lower index.
"""
import numpy as np
import scipy.spatial.distance
from scipy.sparse.csgraph import laplacian


def compute_expectation_with_monte_carlo(data, target, class_samples, n_class, k_nearest):
    def get_volume(dt):
        dst = (np.abs(dt[1:] - dt[0]).max(0) * 2).prod()
        return max(1e-4, dst)

    expectation = np.zeros([n_class, n_class])
    for k in range(n_class):
        all_keep = scipy.spatial.distance.cdist(class_samples[k], data)
        for to_keep in all_keep:
            nearest = to_keep.argsort(kind="stable")[: k_nearest + 1]
            target_k = np.array(target)[nearest[1:]]
            expectation[k] += np.array([(target_k == ki).sum() / len(target_k) for ki in range(n_class)]) / get_volume(
                data[nearest])
        expectation[k] /= expectation[k].sum()
    expectation[np.logical_not(np.isfinite(expectation))] = 0
    return expectation


def get_cummax(eigens):
    grads = eigens[:, 1:] - eigens[:, :-1]
    ratios = grads / (np.array([list(reversed(range(1, grads.shape[-1] + 1)))]) + 1)
    return np.maximum.accumulate(ratios, -1).sum(1)


def csg_as_reference(data, target, k_nearest=3):
    n_class = len(np.unique(target))
    class_samples = [data[target == k] for k in range(n_class)]
    s = compute_expectation_with_monte_carlo(data, target, class_samples, n_class, k_nearest)
    w = np.empty([n_class, n_class])
    for i in range(n_class):
        for j in range(n_class):
            w[i, j] = 1 - scipy.spatial.distance.braycurtis(s[i], s[j])
    lap = laplacian(w, normed=False)
    evals = np.linalg.eigh(lap)[0]
    return float(get_cummax(evals[None, :])[0])
