"""Mail leaves through an outbox: requests never wait for SMTP, floods are limited."""

from accounts_testing import PASSWORD, row, said, send_mail, submit


def test_registration_answers_when_the_mail_server_is_down(app, client, mailbox, snapshot):
    mailbox.stop()
    form = {"email": "grace@example.com", "display_name": "Grace", "password": PASSWORD}
    assert said(submit(client, "/register", form)) == (
        200,
        "Check your inbox: we sent a message to grace@example.com.",
    )
    assert [row[1] for row in snapshot()["outbox"]] == ["grace@example.com"]


def test_a_reset_answers_when_the_mail_server_is_down(app, client, ada, mailbox):
    mailbox.stop()
    response = submit(client, "/reset", {"email": ada})
    assert said(response) == (200, "If an account uses that address, we sent it a link.")


def test_a_failed_delivery_is_tried_again_later_then_given_up(app, client, ada, mailbox, clock):
    submit(client, "/reset", {"email": ada})
    mailbox.stop()
    result = send_mail(app)
    assert "1 failed, will retry" in result
    assert row(app, "SELECT attempts FROM outbox") == {"attempts": 1}
    assert "0 sent" in send_mail(app)  # not due yet: retried after a delay
    for _ in range(4):
        clock.advance(3600)
        send_mail(app)
    assert row(app, "SELECT count(*) AS left FROM outbox") == {"left": 0}  # given up


def test_thirty_resets_for_one_address_queue_three_mails(app, client, ada, mailbox):
    """From thirty client addresses, so that the per-client limit does not stop them."""
    answers = {
        said(submit(client, "/reset", {"email": ada}, environ_base={"REMOTE_ADDR": f"10.0.0.{i}"}))
        for i in range(30)
    }
    assert answers == {(200, "If an account uses that address, we sent it a link.")}
    send_mail(app)
    assert [m["To"] for m in mailbox.messages].count(ada) == 3
