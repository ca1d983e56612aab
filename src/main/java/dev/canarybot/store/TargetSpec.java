package dev.canarybot.store;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The stored form of the release's target: one route of one VirtualService and its two versions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TargetSpec {
  public String namespace;
  public String virtualService;
  /** Absent when the route has no name; the route is then found by its destinations. */
  public String route;
  public String host;
  public String stableSubset;
  public String canarySubset;
  public String stableWorkload;
  public String canaryWorkload;
}
