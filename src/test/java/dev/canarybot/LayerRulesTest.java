package dev.canarybot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
            "dev.canarybot.mesh..", "dev.canarybot.kube..", "dev.canarybot.store..",
            "dev.canarybot.slack..", "dev.canarybot.metrics..", "dev.canarybot.demo..",
            "dev.canarybot.cluster..", "io.fabric8..", "com.slack..")
        .check(classes);
  }

  @Test
  void nothingOutsideTheDemoKnowsTheDemo() {
    noClasses().that().resideOutsideOfPackage("dev.canarybot.demo..")
        .should().dependOnClassesThat().resideInAPackage("dev.canarybot.demo..")
        .check(classes);
  }

  @Test
  void productionCodeDependsOnNoTestCode() {
    JavaClasses all = new ClassFileImporter().importPackages("dev.canarybot");
    DescribedPredicate<JavaClass> testCode = new DescribedPredicate<>("compiled from src/test") {
      @Override
      public boolean test(JavaClass c) {
        return c.getSource().map(s -> s.getUri().toString().contains("/test-classes/")).orElse(false);
      }
    };
    noClasses().that(DescribedPredicate.not(testCode))
        .should().dependOnClassesThat(testCode)
        .check(all);
  }

  @Test
  void slackCodeKeepsItsRooms() {
    // Parsing and drawing are pure: they neither receive requests, send anything nor run use cases.
    noClasses().that().resideInAnyPackage("dev.canarybot.slack.command..", "dev.canarybot.slack.view..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.canarybot.slack.inbound..", "dev.canarybot.slack.outbound..", "dev.canarybot.service")
        .check(classes);
  }

  @Test
  void adaptersDoNotCallEachOther() {
    String[] adapters = {"dev.canarybot.mesh..", "dev.canarybot.kube..", "dev.canarybot.store..",
        "dev.canarybot.metrics..", "dev.canarybot.slack.."};
    for (String adapter : adapters) {
      String[] others = java.util.Arrays.stream(adapters).filter(a -> !a.equals(adapter)).toArray(String[]::new);
      noClasses().that().resideInAPackage(adapter)
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .check(classes);
    }
  }
}
