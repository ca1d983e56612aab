package dev.canarybot.service;

import java.util.List;

/**
 * A request to start a release. {@code steps} null means the configured default; the target
 * fields narrow resolution as in {@link TargetQuery}.
 */
public record StartRequest(String actor, TargetQuery query, List<Integer> steps, boolean autoRollback) {}
