package dev.canarybot.service.port;

import dev.canarybot.analysis.MetricSnapshot;
import dev.canarybot.analysis.Verdict;

/** One release's numbers and what they mean, at one tick. */
public record Analysis(MetricSnapshot snapshot, Verdict verdict, int weight) {}
