"""Changing the password or the email address: only after typing the password again."""

from accounts_testing import PASSWORD, row, said, send_mail, submit

NEW = "a brand new password"


def login(client, email="ada@example.com", password=PASSWORD):
    return submit(client, "/login", {"email": email, "password": password})


def test_changing_the_password_needs_the_current_one(app, client, ada, snapshot):
    login(client)
    before = snapshot()
    wrong = {"current_password": "not my password", "password": NEW}
    assert said(submit(client, "/account/password", wrong)) == (400, "Wrong password.")
    assert snapshot()["user"] == before["user"]
    right = {"current_password": PASSWORD, "password": NEW}
    assert said(submit(client, "/account/password", right)) == (200, "Your password is changed.")
    assert client.get("/").status_code == 200  # this session goes on
    assert login(app.test_client(), password=NEW).status_code == 302


def test_a_password_change_ends_the_other_sessions_and_tells_the_owner(app, client, ada, mailbox):
    login(client)
    other = app.test_client()
    login(other)
    submit(client, "/account/password", {"current_password": PASSWORD, "password": NEW})
    assert other.get("/").status_code == 302
    send_mail(app)
    assert mailbox.last(to=ada)["Subject"] == "Your password was changed"


def test_changing_the_email_needs_the_password_and_the_new_inbox(app, client, ada, mailbox):
    login(client)
    wrong = {"current_password": "not my password", "email": "ada@new.example"}
    assert said(submit(client, "/account/email", wrong))[0] == 400
    form = {"current_password": PASSWORD, "email": "ada@new.example"}
    assert said(submit(client, "/account/email", form)) == (
        200,
        "Check your inbox: we sent a message to ada@new.example.",
    )
    assert row(app, "SELECT email FROM user") == {"email": ada}  # not yet
    send_mail(app)
    link = mailbox.link(to="ada@new.example")
    assert said(submit(client, link, {})) == (200, "Your email address is now ada@new.example.")
    assert row(app, "SELECT email FROM user") == {"email": "ada@new.example"}
    send_mail(app)
    assert mailbox.last(to=ada)["Subject"] == "Your email address was changed"
