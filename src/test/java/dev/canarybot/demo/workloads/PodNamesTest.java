package dev.canarybot.demo.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PodNamesTest {
  static PodTemplateSpec template(String image) {
    return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "api").endMetadata()
        .withNewSpec().addNewContainer().withName("api").withImage(image).endContainer().endSpec().build();
  }

  @Test
  void theHashDependsOnTheTemplateOnly() {
    assertThat(PodNames.templateHash(template("api:1.1.0"))).isEqualTo(PodNames.templateHash(template("api:1.1.0")))
        .isNotEqualTo(PodNames.templateHash(template("api:1.2.0")))
        .matches("[" + PodNames.ALPHABET + "]{1,10}");
  }

  @Test
  void encodesEachCharacterInTheVowelFreeAlphabet() {
    // b=0 ... z=19, '2'=20, '4'=21, '5'=22: '0' is byte 48, 48 % 27 = 21 -> '4'; '1' is 49 % 27 = 22 -> '5'.
    assertThat(PodNames.encode("01")).isEqualTo("45");
  }

  @Test
  void namesAreDeploymentHashAndAFiveLetterSuffixNotTakenYet() {
    PodNames names = new PodNames(new Random(3));
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String name = names.next("api-v2", "5d9c7b6f4", taken);
      assertThat(name).matches("api-v2-5d9c7b6f4-[" + PodNames.ALPHABET + "]{5}");
      assertThat(taken.add(name)).as("unique: " + name).isTrue();
    }
  }
}
