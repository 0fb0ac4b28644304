// 办理期限 as people count it: the last day (Beijing), the working days left, overdue in red.
import { Tag, Typography } from 'antd';

export interface TaskDue {
  deadline: string;
  workingDaysLeft: number | null;
  overdue: boolean;
}

export default function DueTag({ due }: { due?: TaskDue }) {
  if (!due) return <Typography.Text type="secondary">不限期</Typography.Text>;
  if (due.overdue)
    return (
      <Tag color="red" data-testid="due-overdue">
        {due.deadline} 已逾期
      </Tag>
    );
  const left = due.workingDaysLeft === null ? '' : due.workingDaysLeft === 0 ? '（今日到期）' : `（剩 ${due.workingDaysLeft} 个工作日）`;
  return <Tag color={due.workingDaysLeft !== null && due.workingDaysLeft <= 1 ? 'orange' : 'blue'}>{`${due.deadline} 前${left}`}</Tag>;
}
