title: Lakh and Crore
language: hi
var rupees = 12345678

## ledger
The ledger shows {rupees as number} rupees, or {rupees as INR}; a loss of {0 - rupees as INR}.
Small sums: {999 as number}, {1000 as number}, {100000 as number}. In words: {3 as words}.
* Spend it -> spent

## spent
ending: safety
~ rupees = 0
Left: {rupees as INR}.
