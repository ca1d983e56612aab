package dev.canarybot.service.port;

/**
 * What a person asked to release on. Only namespace and VirtualService are required; the
 * others narrow the search when a VirtualService offers more than one answer.
 */
public record TargetQuery(
    String namespace, String virtualService, String route, String stableSubset, String canarySubset) {}
