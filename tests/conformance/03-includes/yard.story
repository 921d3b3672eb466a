// Includes the same file as rooms/kitchen.story: it is loaded only once.
include: shared/tea.story

## yard
~ guests += 2
The yard is sunny.
* Come in for tea -> tea
