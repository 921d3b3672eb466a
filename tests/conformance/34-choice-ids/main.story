title: Ice Cream Van
var scoops = 0

## van
{scoops} scoops so far.
* Double scoop -> cone if scoops > 0
* Vanilla -> cone
  ~ scoops += 1
* Chocolate -> cone
  ~ scoops += 1
* Mint {#mint-choc} -> cone
  ~ scoops += 1
* Strawberry -> cone
  ~ scoops += 1
* Just a wafer -> wafer
* Another wafer {#wafer_two} -> wafer
* A second wafer -> wafer

## cone
{scoops} scoops in the cone.
* Back to the van -> van

## wafer
ending: safety
A wafer with {scoops} scoops.
