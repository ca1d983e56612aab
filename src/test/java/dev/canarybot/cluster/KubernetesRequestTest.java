package dev.canarybot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verb and resource from method and path, as the API server's RBAC would name them. */
class KubernetesRequestTest {

  @ParameterizedTest(name = "{0} {1} -> {2} {3}")
  @CsvSource(delimiter = '|', textBlock = """
      GET    | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases                               | list             | canaryreleases
      GET    | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases/api-vs                        | get              | canaryreleases
      GET    | /apis/canary.dev/v1alpha1/canaryreleases                                               | list             | canaryreleases
      GET    | /apis/canary.dev/v1alpha1/canaryreleases?watch=true&resourceVersion=7                  | watch            | canaryreleases
      GET    | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases?labelSelector=a%3Db&watch=true | watch            | canaryreleases
      GET    | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases?watch=false                   | list             | canaryreleases
      POST   | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases                               | create           | canaryreleases
      PUT    | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases/api-vs                        | update           | canaryreleases
      PUT    | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases/api-vs/status                 | update           | canaryreleases/status
      PATCH  | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases/api-vs/status                 | patch            | canaryreleases/status
      DELETE | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases/api-vs                        | delete           | canaryreleases
      DELETE | /apis/canary.dev/v1alpha1/namespaces/shop/canaryreleases                               | deletecollection | canaryreleases
      GET    | /apis/networking.istio.io/v1/namespaces/shop/virtualservices/api-vs                    | get              | virtualservices
      PUT    | /apis/networking.istio.io/v1beta1/namespaces/shop/virtualservices/api-vs               | update           | virtualservices
      GET    | /apis/networking.istio.io/v1/namespaces/shop/destinationrules/api-dr                   | get              | destinationrules
      GET    | /api/v1/namespaces/shop/pods?labelSelector=app%3Dapi                                   | list             | pods
      GET    | /api/v1/namespaces/shop/pods/api-v2-abc12/log                                          | get              | pods/log
      GET    | /apis/apps/v1/namespaces/shop/deployments/api-v2                                       | get              | deployments
      PATCH  | /apis/apps/v1/namespaces/shop/deployments/api-v1/scale                                 | patch            | deployments/scale
      GET    | /apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers                          | list             | horizontalpodautoscalers
      GET    | /apis/coordination.k8s.io/v1/namespaces/canary-bot/leases/canary-bot                   | get              | leases
      PUT    | /apis/coordination.k8s.io/v1/namespaces/canary-bot/leases/canary-bot                   | update           | leases
      POST   | /api/v1/namespaces/shop/events                                                         | create           | events
      GET    | /api/v1/namespaces/shop/configmaps/canary-freeze                                       | get              | configmaps
      POST   | /apis/authorization.k8s.io/v1/selfsubjectaccessreviews                                 | create           | selfsubjectaccessreviews
      GET    | /api/v1/nodes                                                                          | list             | nodes
      GET    | /api/v1/nodes/node-1                                                                   | get              | nodes
      PATCH  | /api/v1/nodes/node-1/status                                                            | patch            | nodes/status
      GET    | /apis/apiextensions.k8s.io/v1/customresourcedefinitions/canaryreleases.canary.dev      | get              | customresourcedefinitions
      GET    | /api/v1/namespaces                                                                     | list             | namespaces
      GET    | /api/v1/namespaces/shop                                                                | get              | namespaces
      PUT    | /api/v1/namespaces/shop/status                                                         | update           | namespaces/status
      PUT    | /api/v1/namespaces/shop/finalize                                                       | update           | namespaces/finalize
      GET    | /api/v1/watch/namespaces/shop/pods                                                     | watch            | pods
      GET    | /api                                                                                   | get              | discovery
      GET    | /api/v1                                                                                | get              | discovery
      GET    | /apis                                                                                  | get              | discovery
      GET    | /apis/networking.istio.io                                                              | get              | discovery
      GET    | /apis/networking.istio.io/v1                                                           | get              | discovery
      GET    | /version                                                                               | get              | version
      GET    | /healthz                                                                               | get              | other
      GET    | /                                                                                      | get              | other
      HEAD   | /api/v1/namespaces/shop/pods                                                           | other            | pods
      get    | /api/v1/namespaces/shop/pods                                                           | list             | pods
      """)
  void parsesVerbAndResource(String method, String uri, String verb, String resource) {
    KubernetesRequest request = KubernetesRequest.parse(method, URI.create("https://10.0.0.1:6443" + uri));
    assertThat(request.verb().label()).isEqualTo(verb);
    assertThat(request.resource()).isEqualTo(resource);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      200 | ok
      201 | ok
      101 | ok
      304 | ok
      400 | client_error
      401 | client_error
      403 | client_error
      404 | not_found
      409 | conflict
      422 | client_error
      429 | client_error
      500 | server_error
      503 | server_error
      """)
  void namesTheOutcome(int code, String outcome) {
    assertThat(KubernetesRequestCounter.outcome(code)).isEqualTo(outcome);
  }
}
