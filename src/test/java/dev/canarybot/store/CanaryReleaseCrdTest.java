package dev.canarybot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRD in manifests/ is generated from the Java classes; this test keeps the two equal so
 * the cluster never holds a schema the bot does not write.
 */
class CanaryReleaseCrdTest {

  static final String FILE_NAME = "canaryreleases.canarybot.dev-v1.yml";
  /** Maven runs tests in the project directory. */
  static final Path COMMITTED = Path.of("manifests", "crd", FILE_NAME);

  /** Before all tests, so the assertions on the file below see the regenerated one. */
  @BeforeAll
  static void regenerateWhenAsked(@TempDir Path temp) throws IOException {
    if (Boolean.getBoolean("crd.regenerate")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, generate(temp), StandardCharsets.UTF_8);
    }
  }

  @Test
  void committedCrdEqualsTheGeneratedOne(@TempDir Path temp) throws IOException {
    String generated = generate(temp);
    assertThat(COMMITTED).as("committed CRD").exists();
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as("%s is out of date with the classes in dev.canarybot.store; regenerate it with "
            + "./mvnw -B -o -q test -Dtest=CanaryReleaseCrdTest -Dcrd.regenerate=true "
            + "and commit the result", COMMITTED)
        .isEqualTo(generated);
  }

  @Test
  void crdDeclaresTheStatusSubresourceAndShortName() throws IOException {
    CustomResourceDefinition crd = committed();
    assertThat(crd.getMetadata().getName()).isEqualTo("canaryreleases.canarybot.dev");
    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("crel");
    CustomResourceDefinitionVersion v = onlyVersion(crd);
    assertThat(v.getName()).isEqualTo("v1alpha1");
    assertThat(v.getSubresources()).isNotNull();
    assertThat(v.getSubresources().getStatus()).as("status subresource").isNotNull();
  }

  @Test
  void kubectlGetShowsPhaseSubsetsWeightVerdictAndAge() throws IOException {
    List<CustomResourceColumnDefinition> columns = onlyVersion(committed()).getAdditionalPrinterColumns();
    assertThat(columns.stream().map(c -> c.getName() + " " + c.getType() + " " + c.getJsonPath())
        .collect(Collectors.toList()))
        .containsExactly(
            "PHASE string .status.phase",
            "STABLE string .spec.target.stableSubset",
            "CANARY string .spec.target.canarySubset",
            "WEIGHT integer .status.weight",
            "VERDICT string .status.lastVerdict.kind",
            "AGE date .metadata.creationTimestamp");
  }

  /** The API server itself refuses garbage: names, sizes and the fields every release needs. */
  @Test
  void theSchemaBoundsWhatAPersonCanWrite() throws IOException {
    var schema = onlyVersion(committed()).getSchema().getOpenAPIV3Schema();
    var spec = schema.getProperties().get("spec");
    var target = spec.getProperties().get("target");
    assertThat(spec.getRequired()).contains("target", "steps");
    assertThat(target.getRequired()).contains("namespace", "virtualService", "host", "stableSubset",
        "canarySubset", "stableWorkload", "canaryWorkload");
    assertThat(target.getProperties().get("namespace").getMaxLength()).isEqualTo(63L);
    assertThat(target.getProperties().get("stableWorkload").getPattern()).startsWith("^[a-z0-9]");
    var status = schema.getProperties().get("status");
    assertThat(status.getProperties().get("history").getMaxItems()).isEqualTo(100L);
    assertThat(status.getProperties().get("history").getItems().getSchema().getProperties()
        .get("reason").getMaxLength()).isEqualTo(500L);
    assertThat(status.getProperties().get("weight").getMaximum()).isEqualTo(100.0);
  }

  @Test
  void schemaHasTheStatusFieldsTheMapperWrites() throws IOException {
    var status = onlyVersion(committed()).getSchema().getOpenAPIV3Schema().getProperties().get("status");
    assertThat(status.getProperties()).containsKeys(
        "phase", "stepIndex", "weight", "stepStartedAt", "appliedWeight", "drifted", "card", "history");
    assertThat(status.getProperties().get("history").getItems().getSchema().getProperties()).containsKeys(
        "at", "actor", "action", "fromPhase", "toPhase", "fromWeight", "toWeight", "reason");
  }

  private static String generate(Path temp) throws IOException {
    new CRDGenerator()
        .inOutputDir(temp.toFile())
        .forCRDVersions("v1")
        .customResourceClasses(CanaryReleaseResource.class)
        .withPostProcessor(new PrinterColumnOrder(CanaryReleaseResource.class))
        .generate();
    return Files.readString(temp.resolve(FILE_NAME), StandardCharsets.UTF_8);
  }

  private static CustomResourceDefinition committed() throws IOException {
    return Serialization.unmarshal(Files.readString(COMMITTED, StandardCharsets.UTF_8),
        CustomResourceDefinition.class);
  }

  private static CustomResourceDefinitionVersion onlyVersion(CustomResourceDefinition crd) {
    assertThat(crd.getSpec().getVersions()).hasSize(1);
    return crd.getSpec().getVersions().get(0);
  }
}
