// Optional: "Reply" moves the comment form under the comment replied to, without a page
// load. Without JavaScript the link (?replytocom=ID#respond) does the same on the server.
const respond = document.getElementById("respond");
const form = document.getElementById("comment-form");
if (respond && form) {
  const home = respond.parentNode;
  const next = respond.nextSibling;
  const heading = document.getElementById("reply-title");
  const original = heading.innerHTML;
  const parent = form.elements.namedItem("parent");
  document.addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest(".comment-reply-link") : null;
    if (link) {
      event.preventDefault();
      link.closest("article").after(respond);
      parent.value = link.dataset.comment;
      heading.textContent = link.dataset.heading;
      const cancel = document.createElement("button");
      cancel.type = "button";
      cancel.className = "cancel-reply";
      cancel.textContent = respond.dataset.cancel;
      heading.append(" ", cancel);
      form.elements.namedItem("comment").focus();
    } else if (event.target.classList && event.target.classList.contains("cancel-reply")) {
      home.insertBefore(respond, next);
      parent.value = "";
      heading.innerHTML = original;
      heading.focus();
    }
  });
}
