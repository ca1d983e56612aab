package dev.canarybot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's walls: the heart knows no framework, and arrows point inward only. */
class LayerRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.canarybot");
  }

  @Test
  void releaseAndAnalysisArePlainJava() {
    noClasses().that().resideInAnyPackage("dev.canarybot.release..", "dev.canarybot.analysis..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.fabric8..", "com.slack..", "io.quarkus..", "jakarta..", "javax..", "io.vertx..",
            "java.net.http..", "org.jboss..", "com.fasterxml..", "io.smallrye..", "io.micrometer..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theDomainDoesNotKnowItsUsers() {
    noClasses().that().resideInAnyPackage("dev.canarybot.release..", "dev.canarybot.analysis..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.canarybot.service..", "dev.canarybot.mesh..", "dev.canarybot.store..",
            "dev.canarybot.slack..", "dev.canarybot.metrics..", "dev.canarybot.demo..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void useCasesOwnTheirPortsAndKnowNoAdapter() {
    noClasses().that().resideInAPackage("dev.canarybot.service..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.canarybot.mesh..", "dev.canarybot.store..", "dev.canarybot.slack..",
            "dev.canarybot.metrics..", "dev.canarybot.demo..", "io.fabric8..", "com.slack..")
        .check(classes);
  }

  @Test
  void adaptersDoNotCallEachOther() {
    noClasses().that().resideInAPackage("dev.canarybot.mesh..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.canarybot.store..", "dev.canarybot.slack..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses().that().resideInAPackage("dev.canarybot.store..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.canarybot.mesh..", "dev.canarybot.slack..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
