#pragma once
// `--shard auto`: which shard a Slurm job-array task scans, from the variables Slurm sets in
// every array task. Pure (the environment is a parameter), so it is tested without a cluster.
#include <optional>
#include <QProcessEnvironment>
#include <QString>

#include "scan/shard.h"

namespace nofade {

// Task SLURM_ARRAY_TASK_ID of an array with ids MIN, MIN+STEP, ..., MAX (COUNT of them) scans shard
// (ID - MIN) / STEP of COUNT, so `--array=0-15`, `--array=1-16` and `--array=0-30:2` all work.
// COUNT is derived from MIN, MAX and STEP when Slurm did not set it. nullopt with `error` (naming
// the variable and what to do) outside an array, or for ids that are not one evenly spaced range
// (`--array=1,5,7`: there is no way to tell which shard is missing).
std::optional<Shard> shardFromSlurmArray(const QProcessEnvironment& env, QString* error);

// The --shard option: "auto" (above), "K/N" (Shard::parse), or "auto/N": shard
// SLURM_ARRAY_TASK_ID of N, for re-running chosen shards of an N-task array
// (`sbatch --array=3,7` with auto/16 rescans shards 3 and 7 of 16).
std::optional<Shard> resolveShardOption(const QString& text, const QProcessEnvironment& env, QString* error);

} // namespace nofade
