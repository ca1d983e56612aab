package dev.canarybot.service;

import dev.canarybot.service.port.Workloads;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what was done to Deployments. */
final class FakeWorkloads implements Workloads {
  final List<String> calls = new CopyOnWriteArrayList<>();
  /** The API server's answer to a delete, when it refuses one (RBAC). */
  volatile RuntimeException deleteRefusal;

  @Override
  public void scaleToZero(String namespace, String deployment) {
    calls.add("scale " + namespace + "/" + deployment + " 0");
  }

  @Override
  public void delete(String namespace, String deployment) {
    if (deleteRefusal != null) {
      throw deleteRefusal;
    }
    calls.add("delete " + namespace + "/" + deployment);
  }
}
