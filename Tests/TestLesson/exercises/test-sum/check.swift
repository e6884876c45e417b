import CNN
import LessonChecks

try check("total of [1, 2, 3]", total(of: Tensor([1, 2, 3])), equals: 6, hint: "add up every value; sum() does it")
try check("total of [-1.5, 1.5]", total(of: Tensor([-1.5, 1.5])), equals: 0)
finishChecks()
