package dev.canarybot.service;

import dev.canarybot.service.port.Leadership;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** A single replica leads itself; a Lease-based election replaces this when it is configured. */
@ApplicationScoped
@DefaultBean
public class AlwaysLeader implements Leadership {
  @Override
  public boolean isLeader() {
    return true;
  }
}
