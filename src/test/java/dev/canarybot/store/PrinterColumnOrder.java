package dev.canarybot.store;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CRD generator sorts printer columns by JSON path, but kubectl shows them in CRD order;
 * this puts them back in the order they are declared on the resource class.
 */
final class PrinterColumnOrder implements CRDPostProcessor {
  private final List<String> names;

  PrinterColumnOrder(Class<?> resource) {
    names = Arrays.stream(resource.getAnnotationsByType(AdditionalPrinterColumn.class))
        .map(AdditionalPrinterColumn::name)
        .collect(Collectors.toList());
  }

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    if (crd instanceof CustomResourceDefinition) {
      for (CustomResourceDefinitionVersion v : ((CustomResourceDefinition) crd).getSpec().getVersions()) {
        List<CustomResourceColumnDefinition> columns = new ArrayList<>(v.getAdditionalPrinterColumns());
        columns.sort(Comparator.comparingInt(c -> rank(c.getName())));
        v.setAdditionalPrinterColumns(columns);
      }
    }
    return crd;
  }

  /** Columns not declared on the class (none today) keep to the end. */
  private int rank(String name) {
    int i = names.indexOf(name);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}
