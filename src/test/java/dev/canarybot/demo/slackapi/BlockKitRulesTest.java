package dev.canarybot.demo.slackapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Block Kit rule the fake enforces, one row each: the blocks, then the first problem
 * (where: what) or "ok". Lengths are built with "x".repeat(n), so each expected number is n.
 */
class BlockKitRulesTest {

  static Stream<Arguments> messages() {
    return Stream.of(
        row("50 blocks fit a message", dividers(50), "ok"),
        row("51 do not", dividers(51), "blocks: 51 blocks, limit 50 in a message"),
        row("section text 3000 fits", section(mrkdwn(x(3000))), "ok"),
        row("section text 3001", section(mrkdwn(x(3001))),
            "blocks[0].text.text: 3001 characters, limit 3000"),
        row("10 fields fit", fields(10, mrkdwn("f")), "ok"),
        row("11 fields", fields(11, mrkdwn("f")), "blocks[0].fields: 11 fields, limit 10"),
        // Three dividers put the section at index 3; its second field is fields[1].
        row("a field of 2100", "[" + divider() + "," + divider() + "," + divider() + ","
            + "{'type':'section','fields':[" + mrkdwn("a") + "," + mrkdwn(x(2100)) + "]}]",
            "blocks[3].fields[1].text: 2100 characters, limit 2000"),
        row("a section with neither text nor fields", "[{'type':'section'}]",
            "blocks[0]: a section needs text or fields"),
        row("header 150 fits", header(plain(x(150))), "ok"),
        row("header 151", header(plain(x(151))), "blocks[0].text.text: 151 characters, limit 150"),
        row("header in mrkdwn", header(mrkdwn("Canary")),
            "blocks[0].text.type: plain_text only, got mrkdwn"),
        row("context of 10 fits", context(10), "ok"),
        row("context of 11", context(11), "blocks[0].elements: 11 elements, limit 10"),
        row("context text 3001", "[{'type':'context','elements':[" + mrkdwn(x(3001)) + "]}]",
            "blocks[0].elements[0].text: 3001 characters, limit 3000"),
        row("a button in a context", "[{'type':'context','elements':[" + button("a", "Go") + "]}]",
            "blocks[0].elements[0]: a context holds text objects and images only, got \"button\""),
        row("25 buttons fit", actions(25), "ok"),
        row("26 buttons", actions(26), "blocks[0].elements: 26 elements, limit 25"),
        row("button text 75 fits", actionsOf(button("a", x(75))), "ok"),
        row("button text 76", actionsOf(button("a", x(76))),
            "blocks[0].elements[0].text.text: 76 characters, limit 75"),
        row("button text in mrkdwn", actionsOf("{'type':'button','action_id':'a','text':"
            + mrkdwn("Go") + "}"), "blocks[0].elements[0].text.type: plain_text only, got mrkdwn"),
        row("accessory button text 76", "[{'type':'section','text':" + mrkdwn("t")
            + ",'accessory':" + button("a", x(76)) + "}]",
            "blocks[0].accessory.text.text: 76 characters, limit 75"),
        row("action_id 256", actionsOf(button(x(256), "Go")),
            "blocks[0].elements[0].action_id: 256 characters, limit 255"),
        row("an action_id twice in one block", actionsOf(button("a", "One") + "," + button("a", "Two")),
            "blocks[0].elements[1].action_id: \"a\" is also the action_id of elements[0];"
                + " it must be unique within its block"),
        row("one action_id in two blocks", "[" + actionsBody(button("a", "One")) + ","
            + actionsBody(button("a", "Two")) + "]", "ok"),
        row("block_id 256", "[{'type':'divider','block_id':'" + x(256) + "'}]",
            "blocks[0].block_id: 256 characters, limit 255"),
        row("a block_id twice", "[{'type':'divider','block_id':'b'},{'type':'divider','block_id':'b'}]",
            "blocks[1].block_id: \"b\" is also the block_id of blocks[0]; it must be unique within a message"),
        row("value 2001", actionsOf("{'type':'button','action_id':'a','text':" + plain("Go")
            + ",'value':'" + x(2001) + "'}"), "blocks[0].elements[0].value: 2001 characters, limit 2000"),
        row("url 3001", actionsOf("{'type':'button','action_id':'a','text':" + plain("Go")
            + ",'url':'https://x/" + x(2991) + "'}"), // 10 + 2991 = 3001
            "blocks[0].elements[0].url: 3001 characters, limit 3000"),
        row("a style Slack does not know", actionsOf("{'type':'button','action_id':'a','text':"
            + plain("Go") + ",'style':'secondary'}"),
            "blocks[0].elements[0].style: must be primary or danger, got \"secondary\""),
        row("empty text", section(mrkdwn("")),
            "blocks[0].text.text: empty; a text object needs at least one character"),
        row("emoji on mrkdwn", section("{'type':'mrkdwn','text':'hi','emoji':true}"),
            "blocks[0].text.emoji: emoji is allowed on plain_text only"),
        row("emoji on plain_text", section("{'type':'plain_text','text':'hi','emoji':true}"), "ok"),
        row("verbatim on plain_text", section("{'type':'plain_text','text':'hi','verbatim':true}"),
            "blocks[0].text.verbatim: verbatim is allowed on mrkdwn only"),
        row("a text type Slack does not know", section("{'type':'markdown','text':'hi'}"),
            "blocks[0].text.type: must be plain_text or mrkdwn, got \"markdown\""),
        row("confirm at its limits", withConfirm(x(100), x(300), x(30), x(30)), "ok"),
        row("confirm title 101", withConfirm(x(101), "t", "c", "d"),
            "blocks[0].elements[0].confirm.title.text: 101 characters, limit 100"),
        row("confirm text 301", withConfirm("t", x(301), "c", "d"),
            "blocks[0].elements[0].confirm.text.text: 301 characters, limit 300"),
        row("confirm label 31", withConfirm("t", "t", x(31), "d"),
            "blocks[0].elements[0].confirm.confirm.text: 31 characters, limit 30"),
        row("deny label 31", withConfirm("t", "t", "c", x(31)),
            "blocks[0].elements[0].confirm.deny.text: 31 characters, limit 30"),
        row("image alt_text 2001", "[{'type':'image','image_url':'https://x/p.png','alt_text':'"
            + x(2001) + "'}]", "blocks[0].alt_text: 2001 characters, limit 2000"),
        row("image without alt_text", "[{'type':'image','image_url':'https://x/p.png'}]",
            "blocks[0].alt_text: missing"),
        row("a block without a type", "[{'text':" + mrkdwn("hi") + "}]", "blocks[0].type: missing"),
        row("a type it does not model passes", "[{'type':'rich_text','elements':[]}]", "ok"),
        row("not JSON", "{not json", "blocks: not a JSON array"),
        row("the first problem wins", "[{'type':'header','text':" + mrkdwn("a") + "},{'type':'section'}]",
            "blocks[0].text.type: plain_text only, got mrkdwn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void messageBlocks(String name, String blocks, String expected) {
    assertThat(BlockKitRules.message(blocks).map(BlockKitProblem::toString).orElse("ok"))
        .isEqualTo(expected);
  }

  static Stream<Arguments> views() {
    return Stream.of(
        row("100 blocks fit a home tab", view("home", dividers(100)), "ok"),
        row("101 do not", view("home", dividers(101)), "view.blocks: 101 blocks, limit 100 in an App Home view"),
        row("101 in a modal", view("modal", dividers(101)), "view.blocks: 101 blocks, limit 100 in a modal"),
        row("bad text in a view", view("home", header(mrkdwn("a"))),
            "view.blocks[0].text.type: plain_text only, got mrkdwn"),
        row("a view without blocks", "{'type':'home'}".replace('\'', '"'), "view: a view needs blocks"),
        row("a view of no known type", view("message", dividers(1)),
            "view.type: must be home or modal, got \"message\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("views")
  void viewBlocks(String name, String view, String expected) {
    assertThat(BlockKitRules.view(view).map(BlockKitProblem::toString).orElse("ok"))
        .isEqualTo(expected);
  }

  @Test
  void aProblemNamesItsPlaceAsSlacksJsonPointerToo() {
    BlockKitProblem problem = BlockKitRules.view(view("home", section(mrkdwn("")))).orElseThrow();
    assertThat(problem.where()).isEqualTo("view.blocks[0].text.text");
    assertThat(problem.pointer()).isEqualTo("/view/blocks/0/text/text");
  }

  // ---- JSON written with single quotes, for legibility

  static Arguments row(String name, String json, String expected) {
    return Arguments.of(name, json.replace('\'', '"'), expected);
  }

  static String x(int n) {
    return "x".repeat(n);
  }

  static String plain(String text) {
    return "{'type':'plain_text','text':'" + text + "'}";
  }

  static String mrkdwn(String text) {
    return "{'type':'mrkdwn','text':'" + text + "'}";
  }

  static String divider() {
    return "{'type':'divider'}";
  }

  static String dividers(int n) {
    return "[" + String.join(",", Collections.nCopies(n, divider())) + "]";
  }

  static String section(String text) {
    return "[{'type':'section','text':" + text + "}]";
  }

  static String fields(int n, String field) {
    return "[{'type':'section','fields':[" + String.join(",", Collections.nCopies(n, field)) + "]}]";
  }

  static String header(String text) {
    return "[{'type':'header','text':" + text + "}]";
  }

  static String context(int n) {
    return "[{'type':'context','elements':[" + String.join(",", Collections.nCopies(n, mrkdwn("c"))) + "]}]";
  }

  static String button(String actionId, String text) {
    return "{'type':'button','action_id':'" + actionId + "','text':" + plain(text) + "}";
  }

  static String actionsBody(String elements) {
    return "{'type':'actions','elements':[" + elements + "]}";
  }

  static String actionsOf(String elements) {
    return "[" + actionsBody(elements) + "]";
  }

  static String actions(int n) {
    StringBuilder buttons = new StringBuilder();
    for (int i = 0; i < n; i++) {
      buttons.append(i == 0 ? "" : ",").append(button("a" + i, "B" + i));
    }
    return actionsOf(buttons.toString());
  }

  static String withConfirm(String title, String text, String confirm, String deny) {
    return actionsOf("{'type':'button','action_id':'a','text':" + plain("Go") + ",'confirm':{'title':"
        + plain(title) + ",'text':" + plain(text) + ",'confirm':" + plain(confirm) + ",'deny':"
        + plain(deny) + ",'style':'danger'}}");
  }

  static String view(String type, String blocks) {
    return ("{'type':'" + type + "','blocks':" + blocks + "}").replace('\'', '"');
  }
}
