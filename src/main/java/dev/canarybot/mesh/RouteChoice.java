package dev.canarybot.mesh;

import dev.canarybot.service.port.RouteWeights;

/**
 * The route a new release would move, as chosen from a VirtualService.
 *
 * @param host the destinations' host, fully qualified
 * @param canarySubset {@code null} when the route carries the stable subset alone and nobody
 *     said which subset is the canary; the DestinationRule then tells
 * @param oneOfSeveral true when the VirtualService offers other candidate routes too, so the
 *     release's name must say which route it is on
 */
public record RouteChoice(
    HttpRoute route, String host, String stableSubset, String canarySubset, RouteWeights weights,
    boolean oneOfSeveral) {}
