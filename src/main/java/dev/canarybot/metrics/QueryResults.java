package dev.canarybot.metrics;

import java.util.List;

/** The answers to one tick's {@link QueryBatch}, in the same order. */
public record QueryResults(List<Sample> requests, List<Sample> latencyBuckets, List<Sample> cpu, List<Sample> memory) {}
