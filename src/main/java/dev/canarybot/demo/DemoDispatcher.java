package dev.canarybot.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;

/**
 * The demo's API server: fabric8's CRUD mock, which stores a SelfSubjectAccessReview without
 * deciding it. The demo answers it as a cluster with the deployment-delete component would,
 * so its cards offer both ways to clean up.
 */
final class DemoDispatcher extends KubernetesCrudDispatcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    if (!request.getPath().contains("/selfsubjectaccessreviews")) {
      return super.handleCreate(request);
    }
    try {
      ObjectNode review = (ObjectNode) JSON.readTree(request.getBody().readUtf8());
      review.putObject("status").put("allowed", true).put("reason", "the demo grants everything");
      return new MockResponse().setResponseCode(201).setBody(review.toString());
    } catch (IOException | ClassCastException e) {
      return new MockResponse().setResponseCode(400).setBody("not a SelfSubjectAccessReview");
    }
  }
}
