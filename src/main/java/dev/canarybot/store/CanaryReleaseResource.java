package dev.canarybot.store;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The CanaryRelease custom resource. The status type makes the CRD declare a status
 * subresource, so spec and status are written through separate endpoints.
 *
 * <p>The printer columns are declared here, in one place, because their order is the column
 * order of {@code kubectl get crel}.
 */
@Group(CanaryReleaseResource.GROUP)
@Version(CanaryReleaseResource.VERSION)
@Kind(CanaryReleaseResource.KIND)
@Plural("canaryreleases")
@ShortNames("crel")
@AdditionalPrinterColumn(name = "PHASE", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "STABLE", jsonPath = ".spec.target.stableSubset", type = Type.STRING)
@AdditionalPrinterColumn(name = "CANARY", jsonPath = ".spec.target.canarySubset", type = Type.STRING)
@AdditionalPrinterColumn(name = "WEIGHT", jsonPath = ".status.weight", type = Type.INTEGER)
@AdditionalPrinterColumn(name = "VERDICT", jsonPath = ".status.lastVerdict.kind", type = Type.STRING)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class CanaryReleaseResource extends CustomResource<CanaryReleaseSpec, CanaryReleaseStatusDto>
    implements Namespaced {

  public static final String GROUP = "canarybot.dev";
  public static final String VERSION = "v1alpha1";
  public static final String KIND = "CanaryRelease";
  public static final String API_VERSION = GROUP + "/" + VERSION;
}
