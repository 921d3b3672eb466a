title: Recipe Card

## card
Bake at *180 degrees* for **forty minutes**, or ***until golden***, or _gently_.
See [the recipe](https://example.org/bread?a=1&b=2) and [the notes](notes.html).
Fish & chips, 3 < 5 > 2, "quotes" and 'apostrophes'.
Raw <b>bold</b> and <script>alert("hi")</script> stay as text.
Escapes: \*not em\*, \[not a link\](x), \{not a slot\}, \[^not-a-citation], \\ one backslash.
A [javascript link](javascript:alert(1)) is not a link. Entities: &amp; &copy;.
- not a list
> not a quote
`not code` and ~~not struck~~

A second paragraph, with café and ☕.
// a comment line, never shown
    An indented line of the same paragraph.
* Choose *this* & <i>that</i> -> done

## done
ending: safety
Done.
