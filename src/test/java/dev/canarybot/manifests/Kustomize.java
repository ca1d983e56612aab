package dev.canarybot.manifests;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders {@code manifests/} with {@code kubectl kustomize}, optionally with components, the way
 * an SRE would install it. A missing kubectl fails: skipping would let CI pass unchecked.
 */
final class Kustomize {
  static final Path BINARY = Path.of(System.getProperty("kubectl.binary", "/usr/bin/kubectl"));
  static final List<String> COMPONENTS = List.of("socket-mode", "http-mode", "cluster-wide", "deployment-delete");

  private Kustomize() {}

  static List<ObjectNode> render(String... components) {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError("kubectl is not installed at " + BINARY
          + ": install it or set -Dkubectl.binary=PATH (it renders manifests/ with kustomize)");
    }
    try {
      Path dir = Files.createTempDirectory(Path.of("target"), "kustomize-");
      StringBuilder k = new StringBuilder("resources:\n  - ../../manifests\n");
      if (components.length > 0) {
        k.append("components:\n");
        for (String c : components) {
          k.append("  - ../../manifests/components/").append(c).append('\n');
        }
      }
      Files.writeString(dir.resolve("kustomization.yaml"), k.toString());
      Process p = new ProcessBuilder(BINARY.toString(), "kustomize", dir.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("kubectl kustomize failed: " + out);
      }
      List<ObjectNode> docs = new ArrayList<>();
      new YAMLMapper().readValues(new YAMLMapper().createParser(out), ObjectNode.class).forEachRemaining(docs::add);
      return docs;
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
    return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
  }

  static ObjectNode one(List<ObjectNode> docs, String kind, String name) {
    return docs.stream()
        .filter(d -> d.path("kind").asText().equals(kind) && d.at("/metadata/name").asText().equals(name))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the render"));
  }
}
